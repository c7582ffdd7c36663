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

        if (!LooksLikePolicy(text))
        {
            // A file found by a folder walk, or named by mistake, may hold anything (a key, a
            // password file behind a link): its content is not quoted in errors.
            errors.Add(new PolicyError(PolicyErrorCodes.NotAPolicy, "The file is not a policy: it has no `apiVersion: servicepolicy/v1` line, so it is not read and its content is not shown.", new SourceLocation(path, 1, 1), "A policy starts with `apiVersion: servicepolicy/v1`."));
            return new PolicyLoadResult(null, errors);
        }

        return LoadText(text, path, options, errors);
    }

    public static PolicyLoadResult LoadText(string text, string fileName, PolicyLoadOptions? options = null) =>
        LoadText(text, fileName, options ?? PolicyLoadOptions.Default, new List<PolicyError>());

    private static PolicyLoadResult LoadText(string text, string fileName, PolicyLoadOptions options, List<PolicyError> errors)
    {
        var fullPath = SafeFullPath(fileName);
        var visiting = new HashSet<string>(StringComparer.Ordinal) { fullPath };
        var confinement = new FileConfinement(Path.GetDirectoryName(fullPath) ?? "", options.IncludeRoots);
        var policy = LoadDocument(text, fileName, options, errors, new IncludeState(visiting, confinement), depth: 0);
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
        public IncludeState(HashSet<string> visiting, FileConfinement confinement)
        {
            Visiting = visiting;
            Confinement = confinement;
        }

        public HashSet<string> Visiting { get; }

        /// <summary>The folders includes may point into.</summary>
        public FileConfinement Confinement { get; }

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

            var includePath = SafeFullPath(CombineSafely(directory, include));
            if (options.ConfineIncludes && OutsideRoots(include, includePath, options, state.Confinement, includeLocation, errors))
            {
                continue;
            }

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
            if (includeText != null && !LooksLikePolicy(includeText))
            {
                // Whatever the file holds is not shown: YAML errors would quote its first line,
                // and the output of `validate` may be published (SARIF uploads in pull requests).
                errors.Add(new PolicyError(PolicyErrorCodes.NotAPolicy, $"`{include}` is not a policy file (it has no `apiVersion: servicepolicy/v1` line), so it is not read; its content is not shown.", includeLocation, "Include only policy files."));
                includeText = null;
            }

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

            if (!File.Exists(fullPath) && !Directory.Exists(fullPath))
            {
                errors.Add(new PolicyError(code, notFound, where, referencedFrom.IsKnown ? "Paths in `include` are relative to the file that includes them." : null));
                return null;
            }

            var read = PolicyFileReader.Read(fullPath, displayPath, options.Limits.MaxFileBytes, out var problem, out var tooLarge);
            if (read == null)
            {
                errors.Add(tooLarge
                    ? new PolicyError(PolicyErrorCodes.LimitExceeded, problem!, where, LimitHint)
                    : new PolicyError(PolicyErrorCodes.FileUnreadable, problem!, where));
            }

            return read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The policy file `{displayPath}` could not be read: {ex.Message}", where));
            return null;
        }
    }

    /// <summary>
    /// Refuses (with an error at the include) a path outside the allowed folders, or one that
    /// passes through a symbolic link below them on disk. True when refused.
    /// </summary>
    private static bool OutsideRoots(string include, string includePath, PolicyLoadOptions options, FileConfinement confinement, SourceLocation where, List<PolicyError> errors)
    {
        var root = confinement.RootOf(includePath);
        if (root == null)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`{include}` is outside {confinement.Describe()}; a policy may include files only from its own folder and the folders below it.", where, IncludeRootHint));
            return true;
        }

        var link = options.ReadFile == null ? FileConfinement.FirstLinkBelow(root, includePath) : null;
        if (link != null)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.Include, $"`{include}` is reached through a symbolic link, which could lead outside {confinement.Describe()}.", where, "Include the file by its real path, or name the folder it is in as an extra root. " + IncludeRootHint));
            return true;
        }

        return false;
    }

    private const string IncludeRootHint = "To share a pack kept in another folder, name that folder as an extra root: `--include-root <folder>` on the command line, PolicyLoadOptions.IncludeRoots in code.";

    /// <summary>
    /// Whether a text says it is a policy: it holds <c>apiVersion: servicepolicy/...</c> (in block
    /// or flow style, quoted or not). A file that does not is refused without showing its content.
    /// </summary>
    internal static bool LooksLikePolicy(string text) => PolicyMarker.IsMatch(text);

    private static readonly System.Text.RegularExpressions.Regex PolicyMarker = new(
        @"[""']?apiVersion[""']?[ \t]*:[ \t]*[""']?servicepolicy/",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        System.Text.RegularExpressions.Regex.InfiniteMatchTimeout); // no nested quantifier: linear in the text

    /// <summary>Path.Combine, except that a path with characters no path may hold stays uncombined (and is then not found).</summary>
    private static string CombineSafely(string directory, string relative)
    {
        try
        {
            return Path.Combine(directory, relative);
        }
        catch (ArgumentException)
        {
            return relative;
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
