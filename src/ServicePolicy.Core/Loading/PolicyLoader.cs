namespace ServicePolicy.Core.Loading;

using System.Text;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Validation;
using ServicePolicy.Core.Yaml;

/// <summary>
/// The one way to read a policy: YAML text to tree (with limits), tree to model (every problem
/// reported with its location), includes resolved and merged, then validated as a whole.
/// </summary>
public static class PolicyLoader
{
    public static PolicyLoadResult LoadFile(string path, PolicyLoadOptions? options = null)
    {
        options ??= PolicyLoadOptions.Default;
        var fullPath = SafeFullPath(path);
        var errors = new List<PolicyError>();
        var text = ReadText(fullPath, path, options, errors, SourceLocation.None);
        if (text == null)
        {
            return new PolicyLoadResult(null, errors);
        }

        return LoadText(text, path, options, errors);
    }

    public static PolicyLoadResult LoadText(string text, string fileName, PolicyLoadOptions? options = null) =>
        LoadText(text, fileName, options ?? PolicyLoadOptions.Default, new List<PolicyError>());

    private static PolicyLoadResult LoadText(string text, string fileName, PolicyLoadOptions options, List<PolicyError> errors)
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal) { SafeFullPath(fileName) };
        var policy = LoadDocument(text, fileName, options, errors, visiting, depth: 0);
        if (policy == null)
        {
            return new PolicyLoadResult(null, errors);
        }

        if (policy.Rules.Count > options.Limits.MaxRules)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, $"The policy has {policy.Rules.Count:N0} rules; the limit (MaxRules) is {options.Limits.MaxRules:N0}.", policy.LocationOf("rules")));
            return new PolicyLoadResult(null, errors);
        }

        if (options.Validate && !errors.Any(e => e.Code == PolicyErrorCodes.LimitExceeded))
        {
            PolicyValidator.Validate(policy, errors, options.Limits.MaxErrors);
        }

        return new PolicyLoadResult(policy, Sort(errors));
    }

    private static Policy? LoadDocument(string text, string fileName, PolicyLoadOptions options, List<PolicyError> errors, HashSet<string> visiting, int depth)
    {
        if (text.Length > options.Limits.MaxFileBytes)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, $"The file is {text.Length:N0} characters long; the limit (MaxFileBytes) is {options.Limits.MaxFileBytes:N0}.", new SourceLocation(fileName, 1, 1)));
            return null;
        }

        if (text.IndexOf('\0') >= 0)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, "The file is not text (it contains NUL bytes); a policy is a YAML text file.", new SourceLocation(fileName, 1, 1)));
            return null;
        }

        var root = YamlTreeReader.Read(text, fileName, options.Limits, errors);
        if (root == null)
        {
            return null;
        }

        var policy = new PolicyBinder(errors, options.Limits).BindPolicy(root);
        policy.SourceFiles.Add(fileName);

        // Every policy goes through the merger, even without includes: it is where duplicate ids
        // are found, and where the precedence of includes is applied.
        var merged = new Policy();
        if (policy.Include.Count > 0 && depth >= options.Limits.MaxIncludeDepth)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, $"Includes are nested more than {options.Limits.MaxIncludeDepth} deep (limit MaxIncludeDepth).", policy.LocationOf("include")));
            PolicyMerger.MergeInto(merged, policy, errors);
            return merged;
        }

        var directory = Path.GetDirectoryName(SafeFullPath(fileName)) ?? "";
        foreach (var include in policy.Include)
        {
            var includeLocation = policy.LocationOf("include");
            var includePath = SafeFullPath(Path.Combine(directory, include));
            if (!visiting.Add(includePath))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`{include}` is already being included: the files include each other in a circle.", includeLocation));
                continue;
            }

            var includeText = ReadText(includePath, include, options, errors, includeLocation);
            if (includeText != null)
            {
                var displayName = RelativeDisplayName(fileName, include);
                var included = LoadDocument(includeText, displayName, options, errors, visiting, depth + 1);
                if (included != null)
                {
                    PolicyMerger.MergeInto(merged, included, errors);
                }
            }

            visiting.Remove(includePath);
        }

        PolicyMerger.MergeInto(merged, policy, errors);
        return merged;
    }

    private static string? ReadText(string fullPath, string displayPath, PolicyLoadOptions options, List<PolicyError> errors, SourceLocation referencedFrom)
    {
        var where = referencedFrom.IsKnown ? referencedFrom : new SourceLocation(displayPath, 0, 0);
        try
        {
            if (options.ReadFile != null)
            {
                var text = options.ReadFile(fullPath);
                if (text == null)
                {
                    errors.Add(new PolicyError(PolicyErrorCodes.Include, $"The policy file `{displayPath}` was not found.", where));
                }

                return text;
            }

            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The policy file `{displayPath}` was not found.", where));
                return null;
            }

            if (info.Length > options.Limits.MaxFileBytes)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, $"The file `{displayPath}` is {info.Length:N0} bytes; the limit (MaxFileBytes) is {options.Limits.MaxFileBytes:N0}.", where));
                return null;
            }

            var bytes = File.ReadAllBytes(fullPath);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"`{displayPath}` is not a text file (it contains NUL bytes); a policy is a YAML text file.", where));
                return null;
            }

            return new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The policy file `{displayPath}` could not be read: {ex.Message}", where));
            return null;
        }
    }

    private static string RelativeDisplayName(string includer, string include)
    {
        var directory = Path.GetDirectoryName(includer);
        return string.IsNullOrEmpty(directory) ? include : Path.Combine(directory, include);
    }

    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static List<PolicyError> Sort(List<PolicyError> errors) =>
        errors.Select((e, i) => (e, i))
            .OrderBy(x => x.e.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.e.Location.Line)
            .ThenBy(x => x.e.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.e)
            .ToList();
}
