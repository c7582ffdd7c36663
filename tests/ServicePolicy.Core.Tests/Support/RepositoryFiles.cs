namespace ServicePolicy.Core.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder (wherever the artifacts path puts it).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string?> RootDirectory = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServicePolicy.sln")))
            {
                return directory.FullName;
            }
        }

        // Built with an artifacts path outside the repository: the project records where it was built from.
        var recorded = typeof(RepositoryFiles).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return recorded != null && File.Exists(Path.Combine(recorded, "ServicePolicy.sln")) ? recorded : null;
    });

    /// <summary>The repository root (the folder holding ServicePolicy.sln).</summary>
    public static string Root => RootDirectory.Value ?? throw new InvalidOperationException("The repository root (ServicePolicy.sln) was not found above " + AppContext.BaseDirectory + " nor where the test project was built from.");

    /// <summary>Every shipped policy: policies/**/*.yaml (the schema folder holds JSON, not policies).</summary>
    public static IReadOnlyList<string> ShippedPolicies()
    {
        var policies = Path.Combine(Root, "policies");
        if (!Directory.Exists(policies))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateFiles(policies, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(policies, "*.yml", SearchOption.AllDirectories))
            .Where(p => !p.Replace('\\', '/').Contains("/policies/schema/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }
}
