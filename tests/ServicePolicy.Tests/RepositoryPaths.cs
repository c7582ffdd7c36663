namespace ServicePolicy.Tests;

/// <summary>Finds the repository's files (the shipped policies) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies => Path.Combine(Root, "policies");

    public static string SeedPack => Path.Combine(Policies, "service-ethics.yaml");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), recorded })
        {
            var directory = start == null ? null : new DirectoryInfo(start);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ServicePolicy.sln")))
            {
                directory = directory.Parent;
            }

            if (directory != null)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ServicePolicy.sln) was not found above " + AppContext.BaseDirectory);
    }
}
