namespace SupportDesk.Tests;

using System.Reflection;

/// <summary>The repository's folders, found from the test's output folder or the root recorded at build time.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedPack => Path.Combine(Root, "policies", "service-ethics.yaml");

    public static string UnsafeSample => Path.Combine(Root, "samples", "SupportDesk.Unsafe");

    public static string SupportDeskSample => Path.Combine(Root, "samples", "SupportDesk");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, recorded })
        {
            for (var directory = start == null ? null : new DirectoryInfo(start); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ServicePolicy.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository root (ServicePolicy.sln) was not found above " + AppContext.BaseDirectory);
    }
}
