namespace ServicePolicy.Core.Loading;

using System.Text;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Yaml;

/// <summary>Reads a tests file (<see cref="PolicyTestFile"/>) and finds the policy it tests.</summary>
public static class PolicyTestFileLoader
{
    /// <summary>File name endings that mark a tests file rather than a policy.</summary>
    public static readonly IReadOnlyList<string> Suffixes = new[] { ".tests.yaml", ".tests.yml" };

    public static bool IsTestFile(string path) =>
        Suffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and binds a tests file; every problem is reported with its location.</summary>
    public static PolicyTestFileLoadResult LoadFile(string path, LoaderLimits? limits = null)
    {
        limits ??= LoaderLimits.Default;
        var errors = new List<PolicyError>();
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The tests file `{path}` was not found.", new SourceLocation(path, 0, 0)));
                return new PolicyTestFileLoadResult(null, null, errors);
            }

            if (info.Length > limits.MaxFileBytes)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, $"The file `{path}` is {info.Length:N0} bytes; the limit (MaxFileBytes) is {limits.MaxFileBytes:N0}.", new SourceLocation(path, 0, 0)));
                return new PolicyTestFileLoadResult(null, null, errors);
            }

            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"`{path}` is not a text file (it contains NUL bytes); a tests file is a YAML text file.", new SourceLocation(path, 0, 0)));
                return new PolicyTestFileLoadResult(null, null, errors);
            }

            text = new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The tests file `{path}` could not be read: {ex.Message}", new SourceLocation(path, 0, 0)));
            return new PolicyTestFileLoadResult(null, null, errors);
        }

        var root = YamlTreeReader.Read(text, path, limits, errors);
        if (root == null)
        {
            return new PolicyTestFileLoadResult(null, null, errors);
        }

        var file = new PolicyBinder(errors, limits).BindDocument<PolicyTestFile>(root, "A tests file must be a map with `tests:` (and `policy:`)");
        return new PolicyTestFileLoadResult(file, PolicyPathOf(file, path), errors);
    }

    /// <summary>The path of the policy a tests file tests: its <c>policy:</c> key, or the file's own name without <c>.tests</c>.</summary>
    public static string PolicyPathOf(PolicyTestFile file, string testFilePath)
    {
        var directory = Path.GetDirectoryName(testFilePath) ?? "";
        if (file.Policy.Length > 0)
        {
            return Path.Combine(directory, file.Policy);
        }

        var name = Path.GetFileName(testFilePath);
        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var stem = name.Substring(0, name.Length - suffix.Length);
                var yaml = Path.Combine(directory, stem + ".yaml");
                var yml = Path.Combine(directory, stem + ".yml");
                return !File.Exists(yaml) && File.Exists(yml) ? yml : yaml;
            }
        }

        return Path.Combine(directory, name);
    }
}

/// <summary>What reading a tests file produced.</summary>
public sealed class PolicyTestFileLoadResult
{
    public PolicyTestFileLoadResult(PolicyTestFile? file, string? policyPath, IReadOnlyList<PolicyError> errors)
    {
        File = file;
        PolicyPath = policyPath;
        Errors = errors;
    }

    public PolicyTestFile? File { get; }

    /// <summary>The path of the policy under test (relative paths resolved against the tests file's folder).</summary>
    public string? PolicyPath { get; }

    public IReadOnlyList<PolicyError> Errors { get; }

    public bool Succeeded => File != null && !Errors.Any(e => e.IsError);
}
