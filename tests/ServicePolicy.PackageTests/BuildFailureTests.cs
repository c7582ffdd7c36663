namespace ServicePolicy.PackageTests;

using ServicePolicy.PackageTests.Consumers;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// How a pipeline fails on a finding, and why it can rely on it: the analyzers run again whenever a setting
/// that decides the outcome changes, even in an incremental build that has nothing else to compile.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BuildFailureTests
{
    private readonly PackageFeedFixture _fixture;

    public BuildFailureTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void ServicePolicyTreatFindingsAsErrors_turns_every_finding_into_an_error_in_the_next_incremental_build()
    {
        var project = SampleConsumer.CreatePlain(_fixture, "findings-as-errors");
        project.Build().AssertSucceeded();

        var strict = project.Build("-p:ServicePolicyTreatFindingsAsErrors=true");

        Assert.False(strict.Process.Succeeded, "The findings must fail the build. " + strict.Describe());
        Assert.Equal(project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal), ErrorKeys(strict));
    }

    [Fact]
    public void Severity_and_policy_changes_run_the_analyzers_again_in_an_incremental_build()
    {
        var project = SampleConsumer.CreatePlain(_fixture, "incremental");
        var first = project.Build().AssertSucceeded();
        Assert.Equal(project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal), first.ServicePolicyKeys());

        // Nothing but a property changes: the compiler must run again, or the build passes unchecked.
        var strict = project.Build("-p:TreatWarningsAsErrors=true");
        Assert.False(strict.Process.Succeeded, "TreatWarningsAsErrors after a successful build must fail it. " + strict.Describe());
        Assert.Equal(project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal), ErrorKeys(strict));

        // The policy no longer bans "guaranteed": the SP3001 finding goes, the others stay.
        project.Write("servicepolicy.yaml", SampleConsumer.Policy.Replace("en: [guaranteed]", "en: [miracle]", StringComparison.Ordinal));
        var relaxed = project.Build().AssertSucceeded();
        Assert.Equal(project.ExpectedDiagnosticKeys(id => id != "SP3001").Order(StringComparer.Ordinal), relaxed.ServicePolicyKeys());

        // A severity in .editorconfig: SP2001 becomes an error.
        project.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SP2001.severity = error\n");
        var raised = project.Build();
        Assert.False(raised.Process.Succeeded, "SP2001 raised to error in .editorconfig must fail the next build. " + raised.Describe());
        Assert.Equal(project.ExpectedDiagnosticKeys(id => id == "SP2001"), ErrorKeys(raised));
    }

    private static IReadOnlyList<string> ErrorKeys(ConsumerBuild build) =>
        build.Diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal) && d.Severity == "error")
            .Select(d => d.Key).Distinct().Order(StringComparer.Ordinal).ToList();
}
