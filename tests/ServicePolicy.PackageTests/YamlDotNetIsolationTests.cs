namespace ServicePolicy.PackageTests;

using ServicePolicy.PackageTests.Consumers;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// ServicePolicy.Analyzers ships YamlDotNet 16.3.0 beside its analyzers; other analyzer packages ship other
/// YamlDotNet versions beside theirs. The compiler loads each package's folder in its own context, so both
/// must work in one build.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class YamlDotNetIsolationTests
{
    private readonly PackageFeedFixture _fixture;

    public YamlDotNetIsolationTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Our_diagnostics_are_unchanged_next_to_analyzers_that_ship_YamlDotNet_11()
    {
        var build = _fixture.ConflictConsumer.AssertSucceeded();

        Assert.Equal(build.Project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal), build.ServicePolicyKeys());
        Assert.DoesNotContain(build.Diagnostics, d => d.Id is "SP9001" or "SP9003" or "CS8032" or "AD0001");
        Assert.DoesNotContain("AD0001", build.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", build.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_other_analyzers_run_with_their_own_YamlDotNet()
    {
        var build = _fixture.ConflictConsumer.AssertSucceeded();

        // The probe reports the YamlDotNet assembly it got: 11.x, not our 16.x.
        var probe = build.Sarif.Results.Where(r => r.RuleId == YamlProbeAnalyzerPackage.DiagnosticId).ToList();
        Assert.True(probe.Count == 1, "The probe analyzer did not report. " + build.Describe());
        Assert.StartsWith("YamlDotNet 11.", probe[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("read 'ok'", probe[0].Message, StringComparison.Ordinal);

        // SecurityCodeScan (YamlDotNet 11.2.1 beside it, for its configuration) ran too.
        Assert.Contains(build.Sarif.Results, r => r.RuleId.StartsWith("SCS", StringComparison.Ordinal));
    }
}
