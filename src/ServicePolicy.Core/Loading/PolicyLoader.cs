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
        var policy = LoadDocument(text, fileName, options, errors, new IncludeState(visiting), depth: 0);
        if (policy == null)
        {
            return new PolicyLoadResult(null, errors);
        }

        if (policy.Rules.Count > options.Limits.MaxRules)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, FormattableString.Invariant($"The policy has {policy.Rules.Count:N0} rules; the limit (MaxRules) is {options.Limits.MaxRules:N0}."), policy.LocationOf("rules"), LimitHint));
            return new PolicyLoadResult(null, errors);
        }

        policy.Identity = PolicyIdentity.Of(policy, policy.Disable.Concat(policy.Rules.Where(r => !r.Enabled).Select(r => r.Id)).Distinct().ToArray());
        if (options.Validate && !errors.Any(e => e.Code == PolicyErrorCodes.LimitExceeded))
        {
            PolicyValidator.Validate(policy, errors, options.Limits.MaxErrors);
        }

        return new PolicyLoadResult(policy, Sort(errors));
    }

    /// <summary>What the include walk of one load shares: the chain being included (for cycles) and how many files were read.</summary>
    private sealed class IncludeState
    {
        public IncludeState(HashSet<string> visiting) => Visiting = visiting;

        public HashSet<string> Visiting { get; }

        public int FilesRead { get; set; }

        public bool TooManyFiles { get; set; }
    }

    private static Policy? LoadDocument(string text, string fileName, PolicyLoadOptions options, List<PolicyError> errors, IncludeState state, int depth)
    {
        if (TooLarge(text, options.Limits.MaxFileBytes, out var size))
        {
            errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, FormattableString.Invariant($"The file is {size} long; the limit (MaxFileBytes) is {options.Limits.MaxFileBytes:N0} bytes."), new SourceLocation(fileName, 1, 1), LimitHint));
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1); // a byte-order mark some editors write; not content
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
        policy.Packs.Add(PolicyPack.Read(policy.Metadata, fileName, text));

        // Every policy goes through the merger, even without includes: it is where duplicate ids
        // are found, and where the precedence of includes is applied.
        var merged = new Policy();
        if (policy.Include.Count > 0 && depth >= options.Limits.MaxIncludeDepth)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, FormattableString.Invariant($"Includes are nested more than {options.Limits.MaxIncludeDepth} deep (limit MaxIncludeDepth)."), policy.LocationOf("include"), LimitHint));
            PolicyMerger.MergeInto(merged, policy, errors);
            return merged;
        }

        var directory = Path.GetDirectoryName(SafeFullPath(fileName)) ?? "";
        var includedHere = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Include.Count; i++)
        {
            var include = policy.Include[i];
            var itemKey = "include[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            var includeLocation = policy.HasKey(itemKey) ? policy.LocationOf(itemKey) : policy.LocationOf("include");
            if (include.Trim().Length == 0)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Include, "An item of `include` is empty; it should name a policy file.", includeLocation));
                continue;
            }

            var includePath = SafeFullPath(Path.Combine(directory, include));
            if (!includedHere.Add(includePath))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`{include}` is included twice in this list; the second time is ignored.", includeLocation, "Remove the repeated item.", ErrorSeverity.Warning));
                continue;
            }

            if (!state.Visiting.Add(includePath))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`{include}` is already being included: the files include each other in a circle.", includeLocation, "Remove one of the includes that close the circle."));
                continue;
            }

            // Files that include the same files in a lattice could make the walk exponential.
            if (state.TooManyFiles || ++state.FilesRead > options.Limits.MaxIncludedFiles)
            {
                if (!state.TooManyFiles)
                {
                    errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, FormattableString.Invariant($"The policy reads more than {options.Limits.MaxIncludedFiles} files through its includes (limit MaxIncludedFiles)."), includeLocation, LimitHint));
                    state.TooManyFiles = true;
                }

                state.Visiting.Remove(includePath);
                break;
            }

            var includeText = ReadText(includePath, include, options, errors, includeLocation);
            if (includeText != null)
            {
                var displayName = RelativeDisplayName(fileName, include);
                var included = LoadDocument(includeText, displayName, options, errors, state, depth + 1);
                if (included != null)
                {
                    PolicyMerger.MergeInto(merged, included, errors);
                }
            }

            state.Visiting.Remove(includePath);
        }

        PolicyMerger.MergeInto(merged, policy, errors);
        return merged;
    }

    /// <summary>
    /// Reads a policy file, refusing an oversized one from its length on disk before reading it.
    /// Problems with the root file are file-level errors (line 0); problems with an included file
    /// are reported at the `include` item that names it.
    /// </summary>
    private static string? ReadText(string fullPath, string displayPath, PolicyLoadOptions options, List<PolicyError> errors, SourceLocation referencedFrom)
    {
        var where = referencedFrom.IsKnown ? referencedFrom : new SourceLocation(displayPath, 0, 0);
        var code = referencedFrom.IsKnown ? PolicyErrorCodes.Include : PolicyErrorCodes.FileUnreadable;
        var notFound = referencedFrom.IsKnown ? $"The included policy file `{displayPath}` was not found." : $"The policy file `{displayPath}` was not found.";
        try
        {
            if (options.ReadFile != null)
            {
                var text = options.ReadFile(fullPath);
                if (text == null)
                {
                    errors.Add(new PolicyError(code, notFound, where, "Paths in `include` are relative to the file that includes them."));
                }

                return text;
            }

            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                errors.Add(new PolicyError(code, notFound, where, referencedFrom.IsKnown ? "Paths in `include` are relative to the file that includes them." : null));
                return null;
            }

            if (info.Length > options.Limits.MaxFileBytes)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.LimitExceeded, FormattableString.Invariant($"The file `{displayPath}` is {info.Length:N0} bytes; the limit (MaxFileBytes) is {options.Limits.MaxFileBytes:N0} bytes."), where, LimitHint));
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

    private const string LimitHint = "Policies are small documents; if this file is genuine, raise the named limit in LoaderLimits.";

    /// <summary>
    /// Whether text exceeds the byte limit once written as UTF-8. The character count decides
    /// at once for most texts; the exact byte count is only computed when it could matter.
    /// </summary>
    private static bool TooLarge(string text, long maxBytes, out string size)
    {
        size = "";
        if (text.Length > maxBytes)
        {
            size = FormattableString.Invariant($"{text.Length:N0} characters");
            return true;
        }

        if ((long)text.Length * 3 <= maxBytes)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        size = FormattableString.Invariant($"{bytes:N0} bytes");
        return bytes > maxBytes;
    }

    /// <summary>
    /// How an included file is named in errors: beside its includer, with `dir/../` folded away,
    /// so that `policies/examples/../service-ethics.yaml` reads `policies/service-ethics.yaml`.
    /// </summary>
    private static string RelativeDisplayName(string includer, string include)
    {
        var directory = Path.GetDirectoryName(includer);
        var combined = string.IsNullOrEmpty(directory) ? include : Path.Combine(directory, include);
        var separator = combined.IndexOf('\\') >= 0 && combined.IndexOf('/') < 0 ? '\\' : '/';
        var parts = combined.Split('/', '\\');
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part == "." && kept.Count > 0)
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && kept[kept.Count - 1].Length > 0 && kept[kept.Count - 1] != ".")
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return kept.Count == 0 ? combined : string.Join(separator.ToString(), kept);
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
