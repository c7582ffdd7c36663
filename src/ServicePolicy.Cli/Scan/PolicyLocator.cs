namespace ServicePolicy.Cli.Scan;

/// <summary>
/// Finds the policy for a scan when none is given: <c>servicepolicy.yaml</c> (or .yml), or a
/// single <c>*.policy.yaml</c>, in the scanned folder or a parent, stopping at the repository root
/// (the first folder with a <c>.git</c> entry).
/// </summary>
public static class PolicyLocator
{
    private static readonly string[] Names = { "servicepolicy.yaml", "servicepolicy.yml", ".servicepolicy.yaml" };

    public static string? Find(string startFolder)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(startFolder));
        while (folder != null)
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(folder.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            var policies = SafeFiles(folder, "*.policy.yaml").Concat(SafeFiles(folder, "*.policy.yml")).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (policies.Count > 0)
            {
                return policies[0];
            }

            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return null;
            }

            folder = folder.Parent;
        }

        return null;
    }

    private static IEnumerable<string> SafeFiles(DirectoryInfo folder, string pattern)
    {
        try
        {
            return folder.GetFiles(pattern).Select(f => f.FullName).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
