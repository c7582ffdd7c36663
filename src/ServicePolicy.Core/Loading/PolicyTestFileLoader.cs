namespace ServicePolicy.Core.Loading;

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
    public static PolicyTestFileLoadResult LoadFile(string path, LoaderLimits? limits = null) => LoadFile(path, limits, null);

    /// <summary>
    /// Reads and binds a tests file. Its <c>policy:</c> may name a file only inside the tests
    /// file's folder (and the folders below it) or one of <paramref name="includeRoots"/>, and
    /// only a policy: anything else is an error at the <c>policy:</c> key, and the named file's
    /// content is never shown.
    /// </summary>
    public static PolicyTestFileLoadResult LoadFile(string path, LoaderLimits? limits, IReadOnlyList<string>? includeRoots)
    {
        limits ??= LoaderLimits.Default;
        var errors = new List<PolicyError>();
        var fileLevel = new SourceLocation(path, 0, 0);
        string? text;
        try
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The tests file `{path}` was not found.", fileLevel));
                return new PolicyTestFileLoadResult(null, null, errors);
            }

            text = PolicyFileReader.Read(path, path, limits.MaxFileBytes, out var problem, out var tooLarge);
            if (text == null)
            {
                errors.Add(new PolicyError(tooLarge ? PolicyErrorCodes.LimitExceeded : PolicyErrorCodes.FileUnreadable, problem!, fileLevel));
                return new PolicyTestFileLoadResult(null, null, errors);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The tests file `{path}` could not be read: {ex.Message}", fileLevel));
            return new PolicyTestFileLoadResult(null, null, errors);
        }

        var root = YamlTreeReader.Read(text, path, limits, errors);
        if (root == null)
        {
            return new PolicyTestFileLoadResult(null, null, errors);
        }

        var file = new PolicyBinder(errors, limits).BindDocument<PolicyTestFile>(root, "A tests file must be a map with `tests:` (and `policy:`)");
        var policyPath = PolicyPathOf(file, path);
        if (file.Policy.Length > 0 && !PolicyReferenceAllowed(file, path, policyPath, limits, includeRoots, errors))
        {
            policyPath = null;
        }

        return new PolicyTestFileLoadResult(file, policyPath, errors);
    }

    /// <summary>Checks what <c>policy:</c> names: inside the allowed folders, not through a link, a policy. Reports why not at the key.</summary>
    private static bool PolicyReferenceAllowed(PolicyTestFile file, string testFilePath, string policyPath, LoaderLimits limits, IReadOnlyList<string>? includeRoots, List<PolicyError> errors)
    {
        var where = file.HasKey("policy") ? file.LocationOf("policy") : new SourceLocation(testFilePath, 1, 1);
        const string Hint = "A tests file may name a policy in its own folder or below; to name one elsewhere, pass that folder as an extra root (`--include-root <folder>`).";
        string fullTestFile;
        string fullPolicy;
        try
        {
            fullTestFile = Path.GetFullPath(testFilePath);
            fullPolicy = Path.GetFullPath(policyPath);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`policy` names `{file.Policy}`, which is not a valid path.", where));
            return false;
        }

        var confinement = new FileConfinement(Path.GetDirectoryName(fullTestFile) ?? "", includeRoots);
        var rootFolder = confinement.RootOf(fullPolicy);
        if (rootFolder == null)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`policy` names `{file.Policy}`, which is outside the tests file's folder.", where, Hint));
            return false;
        }

        if (FileConfinement.FirstLinkBelow(rootFolder, fullPolicy) != null)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`policy` names `{file.Policy}`, which is reached through a symbolic link.", where, Hint));
            return false;
        }

        if (!File.Exists(fullPolicy))
        {
            return true; // a missing policy is reported by the caller, which knows how to name it
        }

        try
        {
            var text = PolicyFileReader.Read(fullPolicy, file.Policy, limits.MaxFileBytes, out var problem, out _);
            if (text == null)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Include, problem!, where));
                return false;
            }

            if (!PolicyLoader.LooksLikePolicy(text))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.NotAPolicy, $"`policy` names `{file.Policy}`, which is not a policy file (it has no `apiVersion: servicepolicy/v1` line); its content is not shown.", where));
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The policy `{file.Policy}` could not be read: {ex.Message}", where));
            return false;
        }

        return true;
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
