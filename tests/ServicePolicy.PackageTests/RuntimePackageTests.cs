namespace ServicePolicy.PackageTests;

using ServicePolicy.PackageTests.Infrastructure;

/// <summary>The runtime engine package in the same consumer as the analyzers.</summary>
[Collection(PackageCollection.Name)]
public sealed class RuntimePackageTests
{
    private readonly PackageFeedFixture _fixture;

    public RuntimePackageTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Consumer_program_loads_the_policy_and_prints_the_engine_decision()
    {
        var build = _fixture.PlainConsumer.AssertSucceeded();

        var run = _fixture.DotNet.Run(build.Project.Directory, TimeSpan.FromMinutes(1), build.Project.OutputAssembly);

        Assert.True(run.Succeeded, run.Describe());
        // No consent on record: the policy's rule denies the share, and the engine did load the policy (not fail-closed).
        Assert.Contains("decision: Deny [share-needs-consent] failClosed=False", run.Output, StringComparison.Ordinal);
    }
}
