namespace ServicePolicy.PackageTests;

using ServicePolicy.PackageTests.Consumers;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>The analyzers, installed from the package, in a consumer's real `dotnet build`.</summary>
[Collection(PackageCollection.Name)]
public sealed class AnalyzerDiagnosticsTests
{
    private const string HelpLinkBase = "https://github.com/servicepolicy/servicepolicy/blob/main/docs/rules/";

    private readonly PackageFeedFixture _fixture;

    public AnalyzerDiagnosticsTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Build_reports_each_violation_with_its_id_file_line_and_column_as_warnings()
    {
        var build = _fixture.PlainConsumer.AssertSucceeded();
        var expected = build.Project.ExpectedDiagnosticKeys();

        Assert.Equal(expected.Order(StringComparer.Ordinal), build.ServicePolicyKeys());
        Assert.All(build.Diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal)), d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public void Error_log_is_sarif_2_1_with_the_results_and_help_links()
    {
        var build = _fixture.PlainConsumer.AssertSucceeded();
        var sarif = build.Sarif;

        Assert.Equal("2.1.0", sarif.Version);
        Assert.Contains("sarif-2.1.0", sarif.Schema, StringComparison.Ordinal);
        var ours = sarif.Results.Where(r => r.RuleId.StartsWith("SP", StringComparison.Ordinal)).ToList();
        Assert.Equal(build.Project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal), ours.Select(r => r.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.All(ours, r =>
        {
            Assert.Equal("warning", r.Level);
            Assert.False(string.IsNullOrWhiteSpace(r.Message), r.Key + " has no message");
            Assert.True(sarif.HelpUris.TryGetValue(r.RuleId, out var helpUri), r.RuleId + " is not among the rules of the log");
            Assert.Equal(HelpLinkBase + r.RuleId + ".md", helpUri);
        });
    }

    [Fact]
    public void Editorconfig_can_raise_one_rule_to_an_error_that_fails_the_build()
    {
        var project = SampleConsumer.CreatePlain(_fixture, "editorconfig");
        project.Write(".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.SP2001.severity = error
            """);

        var build = project.Build();

        Assert.False(build.Process.Succeeded, "SP2001 raised to error must fail the build. " + build.Describe());
        var sp2001 = build.Project.ExpectedDiagnosticKeys(id => id == "SP2001");
        Assert.Equal(sp2001, build.Diagnostics.Where(d => d.Severity == "error").Select(d => d.Key).Distinct());
        // The other rules keep their default severity.
        Assert.Equal(
            build.Project.ExpectedDiagnosticKeys(id => id != "SP2001").Order(StringComparer.Ordinal),
            build.Diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal) && d.Severity == "warning").Select(d => d.Key).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Treat_warnings_as_errors_fails_the_build_on_every_violation()
    {
        var build = SampleConsumer.CreatePlain(_fixture, "strict").Build("-p:TreatWarningsAsErrors=true");

        Assert.False(build.Process.Succeeded, "TreatWarningsAsErrors must fail the build. " + build.Describe());
        Assert.Equal(
            build.Project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal),
            build.Diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal) && d.Severity == "error").Select(d => d.Key).Distinct().Order(StringComparer.Ordinal));
    }
}
