namespace ServicePolicy.Tests;

using ServicePolicy.Core.Loading;
using ServicePolicy.Testing;
using Xunit.Abstractions;

/// <summary>Every test case embedded in every shipped policy passes through the engine.</summary>
public sealed class ShippedPolicyTests
{
    private readonly ITestOutputHelper _output;

    public ShippedPolicyTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> ShippedPolicies() =>
        Directory.EnumerateFiles(RepositoryPaths.Policies, "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "schema" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(p => !p.EndsWith(".tests.yaml", StringComparison.Ordinal))
            .Select(p => new object[] { Path.GetRelativePath(RepositoryPaths.Root, p) });

    [Theory]
    [MemberData(nameof(ShippedPolicies))]
    public void Every_embedded_test_of_the_policy_passes(string relativePath)
    {
        var loaded = PolicyLoader.LoadFile(Path.Combine(RepositoryPaths.Root, relativePath), new PolicyLoadOptions { IncludeRoots = new[] { RepositoryPaths.Policies } });
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));

        var report = PolicyTestRunner.Run(loaded.Policy!);
        foreach (var result in report.Results.Where(r => !r.Passed))
        {
            _output.WriteLine($"{result.Location}: FAIL {result.Name}");
            _output.WriteLine("  " + string.Join(Environment.NewLine + "  ", result.Failures));
            _output.WriteLine("  expected: " + result.Expected);
            _output.WriteLine("  actual:   " + result.Actual);
            _output.WriteLine(result.Explanation);
        }

        Assert.True(report.AllPassed, $"{relativePath}: {report.Summary}; failing: {string.Join(" | ", report.Results.Where(r => !r.Passed).Select(r => r.Name + ": " + string.Join("; ", r.Failures)))}");
    }

    [Fact]
    public void The_seed_pack_has_tests_for_every_rule()
    {
        var policy = PolicyLoader.LoadFile(RepositoryPaths.SeedPack).Policy!;
        var tested = policy.Tests.SelectMany(t => t.Expect.Violations).ToHashSet(StringComparer.Ordinal);
        var untested = policy.Rules.Where(r => r.Enabled && !tested.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.True(untested.Count == 0, "Rules no embedded test expects to fire: " + string.Join(", ", untested));
    }
}
