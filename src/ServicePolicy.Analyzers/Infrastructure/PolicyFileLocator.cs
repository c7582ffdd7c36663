namespace ServicePolicy.Analyzers.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Finds the policy among the compilation's AdditionalFiles (analyzers may not read the disk):
/// the file named by the MSBuild property <c>ServicePolicyFile</c> when it is set, else a file
/// named <c>servicepolicy.yaml</c>, else a <c>*.policy.yaml</c> file (<c>.yml</c> works too).
/// </summary>
internal static class PolicyFileLocator
{
    /// <summary>The analyzer config key of the MSBuild property (made visible with CompilerVisibleProperty).</summary>
    public const string FilePropertyKey = "build_property.ServicePolicyFile";

    private const string ProjectDirKey = "build_property.ProjectDir";

    public static PolicyFileSelection Locate(AnalyzerOptions options)
    {
        var files = options.AdditionalFiles;
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (global.TryGetValue(FilePropertyKey, out var named) && !string.IsNullOrWhiteSpace(named))
        {
            global.TryGetValue(ProjectDirKey, out var projectDir);
            var match = FindNamed(files, named.Trim(), projectDir);
            return match != null
                ? new PolicyFileSelection(match, Array.Empty<AdditionalText>(), null)
                : new PolicyFileSelection(null, Array.Empty<AdditionalText>(), $"The ServicePolicyFile property names `{named.Trim()}`, but no such file is among the AdditionalFiles; add <AdditionalFiles Include=\"{named.Trim()}\" /> to the project (analyzers read only AdditionalFiles).");
        }

        var candidates = files.Where(f => IsConventionalName(f.Path))
            .OrderBy(f => IsPrimaryName(f.Path) ? 0 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
        return candidates.Length == 0
            ? PolicyFileSelection.None
            : new PolicyFileSelection(candidates[0], candidates.Skip(1).ToArray(), null);
    }

    /// <summary>True for <c>servicepolicy.yaml</c> and <c>*.policy.yaml</c> (any case, <c>.yml</c> too).</summary>
    public static bool IsConventionalName(string path)
    {
        var name = FileName(path);
        return IsPrimaryName(path)
            || name.EndsWith(".policy.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".policy.yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A full, separator-normalised path for comparing AdditionalFiles with include paths.</summary>
    public static string NormalizePath(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }

    private static bool IsPrimaryName(string path)
    {
        var name = FileName(path);
        return name.Equals("servicepolicy.yaml", StringComparison.OrdinalIgnoreCase) || name.Equals("servicepolicy.yml", StringComparison.OrdinalIgnoreCase);
    }

    private static AdditionalText? FindNamed(IEnumerable<AdditionalText> files, string named, string? projectDir)
    {
        var wanted = named.Replace('\\', '/');
        var rooted = Path.IsPathRooted(wanted) ? NormalizePath(wanted)
            : !string.IsNullOrEmpty(projectDir) ? NormalizePath(Path.Combine(projectDir, wanted))
            : null;

        AdditionalText? suffixMatch = null;
        foreach (var file in files)
        {
            var path = NormalizePath(file.Path);
            if (rooted != null && string.Equals(path, rooted, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }

            // Without a project directory to resolve against, a relative name matches by its tail.
            var relative = wanted.StartsWith("./", StringComparison.Ordinal) ? wanted.Substring(2) : wanted;
            if (suffixMatch == null && (path.EndsWith("/" + relative, StringComparison.OrdinalIgnoreCase) || string.Equals(path, relative, StringComparison.OrdinalIgnoreCase)))
            {
                suffixMatch = file;
            }
        }

        return suffixMatch;
    }

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}

/// <summary>The policy file chosen for a compilation, the other candidates, or why none could be chosen.</summary>
internal sealed class PolicyFileSelection
{
    public static readonly PolicyFileSelection None = new(null, Array.Empty<AdditionalText>(), null);

    public PolicyFileSelection(AdditionalText? root, IReadOnlyList<AdditionalText> otherCandidates, string? problem)
    {
        Root = root;
        OtherCandidates = otherCandidates;
        Problem = problem;
    }

    public AdditionalText? Root { get; }

    /// <summary>Other files with a policy name; those the root does not include are reported as ignored.</summary>
    public IReadOnlyList<AdditionalText> OtherCandidates { get; }

    /// <summary>Set when the ServicePolicyFile property names a file that is not among the AdditionalFiles.</summary>
    public string? Problem { get; }
}
