namespace ServicePolicy.Core.Tests.PolicyPack;

using ServicePolicy.Core.Tests.Support;

/// <summary>Paths of shipped files, relative to the repository root (found by <see cref="RepositoryFiles"/>).</summary>
internal static class PolicyFiles
{
    public static string PathOf(string relative) => Path.Combine(RepositoryFiles.Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Load options for shipped policies: `policies/` is a root, so the examples may include the seed pack beside their folder.</summary>
    public static ServicePolicy.Core.Loading.PolicyLoadOptions SharedPackOptions { get; } = new() { IncludeRoots = new[] { PathOf("policies") } };

    public static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Shipped policies, relative to the root; separate tests files (x.tests.yaml) are not policies.</summary>
    public static IReadOnlyList<string> ShippedPolicies() =>
        RepositoryFiles.ShippedPolicies().Where(p => !ServicePolicy.Core.Loading.PolicyTestFileLoader.IsTestFile(p)).Select(Relative).ToList();
}
