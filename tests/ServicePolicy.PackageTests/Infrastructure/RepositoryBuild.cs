namespace ServicePolicy.PackageTests.Infrastructure;

using System.Reflection;

/// <summary>Where the repository is and how its shipped projects were built (recorded by the test project at build time).</summary>
public static class RepositoryBuild
{
    public static string Root { get; } = Metadata("RepositoryRoot")
        ?? throw new InvalidOperationException("The test assembly does not record RepositoryRoot; see ServicePolicy.PackageTests.csproj.");

    public static string Configuration { get; } = Metadata("BuildConfiguration") ?? "Debug";

    /// <summary>The artifacts folder of the build (dotnet build --artifacts-path), or null for the usual bin/obj folders.</summary>
    public static string? ArtifactsPath { get; } = string.IsNullOrEmpty(Metadata("BuildArtifactsPath")) ? null : Metadata("BuildArtifactsPath");

    /// <summary>The projects that ship as packages, by path under the repository root.</summary>
    public static IReadOnlyList<string> ShippedProjects { get; } = new[]
    {
        "src/ServicePolicy.Annotations/ServicePolicy.Annotations.csproj",
        "src/ServicePolicy.Core/ServicePolicy.Core.csproj",
        "src/ServicePolicy/ServicePolicy.csproj",
        "src/ServicePolicy.Analyzers.Package/ServicePolicy.Analyzers.Package.csproj",
        "src/ServicePolicy.Cli/ServicePolicy.Cli.csproj",
    };

    private static string? Metadata(string key) =>
        typeof(RepositoryBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
