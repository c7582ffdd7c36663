namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Configuration;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>SP9001 (policy problems at their YAML line and column) and SP9002 (no policy).</summary>
public sealed class PolicyFileAnalyzerTests
{
    private const string Code = "public class Empty { }";

    private static readonly VerifyOptions PolicyErrorsExpected = new() { AllowPolicyErrors = true };

    private static Task VerifyAsync(TestProject project, params ExpectedDiagnostic[] extra) =>
        AnalyzerVerifier.VerifyAsync(project, new DiagnosticAnalyzer[] { new PolicyFileAnalyzer() }, "SP9001", extra, PolicyErrorsExpected);

    [Fact]
    public Task No_policy_among_the_additional_files_is_reported_once_as_info() =>
        VerifyAsync(
            new TestProject().AddSource(Code).AddSource("public class Other { }").AddAdditionalFile("notes.yaml", "a: 1"),
            ExpectedDiagnostic.NoLocation("SP9002").WithSeverity(DiagnosticSeverity.Info).WithMessage("servicepolicy.yaml"));

    [Fact]
    public Task A_valid_policy_produces_no_configuration_diagnostic() =>
        VerifyAsync(new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\nmetadata:\n  name: test\n"));

    [Fact]
    public Task An_unknown_key_is_reported_at_its_line_and_column_in_the_yaml() =>
        VerifyAsync(new TestProject().AddSource(Code).AddPolicy("""
            apiVersion: servicepolicy/v1
            metadata:
              name: test
              {|SP9001:ownr|}: someone
            """));

    [Fact]
    public async Task The_yaml_position_is_the_exact_line_and_column_with_the_error_severity()
    {
        var project = new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\nclassification:\n  categories:\n    - id: contact\n      levle: personal\n");
        var result = await AnalyzerVerifier.RunAsync(project, new PolicyFileAnalyzer());

        var diagnostic = Assert.Single(result.WithId("SP9001"));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/servicepolicy.yaml", span.Path);
        Assert.Equal(4, span.StartLinePosition.Line);
        Assert.Equal(6, span.StartLinePosition.Character);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("unknown-key", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("level", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public Task Every_problem_of_the_file_is_reported() =>
        VerifyAsync(new TestProject().AddSource(Code).AddPolicy("""
            apiVersion: servicepolicy/v1
            {|SP9001:metdata|}:
              name: test
            {|SP9001:rulez|}: []
            """));

    [Fact]
    public Task A_yaml_syntax_error_is_reported_in_the_file() =>
        VerifyAsync(
            new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\nmetadata:\n  name: [unclosed\n"),
            ExpectedDiagnostic.At("SP9001", "servicepolicy.yaml", 4, 1).WithMessage("yaml-syntax"));

    [Theory]
    [InlineData("99999999999999999999d")]
    [InlineData("106751991167301d")]
    [InlineData("١٢h")]
    public Task A_duration_out_of_range_is_SP9001_at_its_place_not_an_analyzer_failure(string within) =>
        VerifyAsync(
            new TestProject().AddSource(Code).AddPolicy($"apiVersion: servicepolicy/v1\nslas:\n  - id: first-response-email\n    kind: first-response\n    channel: email\n    within: {within}\n"),
            ExpectedDiagnostic.At("SP9001", "servicepolicy.yaml", 6, 13).WithMessage("invalid-value"));

    [Fact]
    public Task A_loader_warning_is_reported_as_SP9001_with_warning_severity() =>
        VerifyAsync(
            new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\ndisable:\n  - P9-no-such-rule\n"),
            ExpectedDiagnostic.At("SP9001", "servicepolicy.yaml", 3, 5).WithSeverity(DiagnosticSeverity.Warning).WithMessage("unknown-rule"));

    [Fact]
    public Task An_include_that_is_not_an_additional_file_says_to_add_it() =>
        VerifyAsync(
            new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\ninclude:\n  - shared/base.yaml\n"),
            ExpectedDiagnostic.At("SP9001", "servicepolicy.yaml", 3, 5).WithMessage("AdditionalFiles"));

    [Fact]
    public Task An_include_present_among_the_additional_files_is_read_from_there() =>
        VerifyAsync(new TestProject()
            .AddSource(Code)
            .AddPolicy("apiVersion: servicepolicy/v1\ninclude:\n  - shared/base.yaml\n")
            .AddAdditionalFile("shared/base.yaml", "apiVersion: servicepolicy/v1\nmetadata:\n  name: base\n"));

    [Fact]
    public Task Problems_in_an_included_file_are_reported_in_that_file() =>
        VerifyAsync(new TestProject()
            .AddSource(Code)
            .AddPolicy("apiVersion: servicepolicy/v1\ninclude:\n  - base.yaml\n")
            .AddAdditionalFile("base.yaml", "apiVersion: servicepolicy/v1\n{|SP9001:metadta|}:\n  name: base\n"));

    [Fact]
    public Task The_ServicePolicyFile_property_chooses_a_file_with_any_name() =>
        VerifyAsync(WithProperty("company-rules.yaml", "apiVersion: servicepolicy/v1\n{|SP9001:metadta|}: {}\n"));

    [Fact]
    public Task The_ServicePolicyFile_property_may_be_relative_to_the_project_directory() =>
        VerifyAsync(WithProperty("policies/company.yaml", "apiVersion: servicepolicy/v1\n", projectDir: "/project/"));

    [Fact]
    public Task A_ServicePolicyFile_that_is_not_an_additional_file_is_an_error_naming_it()
    {
        var project = new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\n");
        project.BuildProperties["ServicePolicyFile"] = "/elsewhere/policy.yaml";
        return VerifyAsync(project, ExpectedDiagnostic.NoLocation("SP9001").WithSeverity(DiagnosticSeverity.Error).WithMessage("/elsewhere/policy.yaml"));
    }

    [Fact]
    public Task A_second_policy_file_that_the_first_does_not_include_is_reported_as_ignored() =>
        VerifyAsync(
            new TestProject().AddSource(Code).AddPolicy("apiVersion: servicepolicy/v1\n").AddAdditionalFile("extra.policy.yaml", "apiVersion: servicepolicy/v1\n"),
            ExpectedDiagnostic.At("SP9001", "extra.policy.yaml", 1, 1).WithSeverity(DiagnosticSeverity.Warning).WithMessage("ignored"));

    [Fact]
    public Task A_policy_file_the_root_includes_is_not_reported_as_ignored() =>
        VerifyAsync(new TestProject()
            .AddSource(Code)
            .AddPolicy("apiVersion: servicepolicy/v1\ninclude: [base.policy.yaml]\n")
            .AddAdditionalFile("base.policy.yaml", "apiVersion: servicepolicy/v1\n"));

    [Fact]
    public Task Severity_can_be_raised_or_silenced_like_any_diagnostic()
    {
        var project = new TestProject().AddSource(Code);
        project.Severities["SP9002"] = ReportDiagnostic.Suppress;
        return VerifyAsync(project);
    }

    [Fact]
    public Task An_assembly_level_SuppressMessage_silences_the_configuration_notes() =>
        VerifyAsync(new TestProject()
            .AddSource("""
                [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("ServicePolicy.Configuration", "SP9002", Justification = "Annotations only.")]
                [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("ServicePolicy.Configuration", "SP9001", Justification = "Shared policy under repair.")]
                public class Empty { }
                """));

    [Fact]
    public Task An_assembly_level_SuppressMessage_silences_problems_in_the_yaml() =>
        VerifyAsync(new TestProject()
            .AddSource("""
                [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("ServicePolicy.Configuration", "SP9001", Justification = "Shared policy under repair.")]
                public class Empty { }
                """)
            .AddPolicy("apiVersion: servicepolicy/v1\nmetdata: {}\n"));

    [Fact]
    public async Task The_messages_for_a_broken_policy_read_well()
    {
        var project = new TestProject().AddSource(Code).AddPolicy("""
            apiVersion: servicepolicy/v2
            metadata:
              nmae: broken
            classification:
              categories:
                - id: contact
                  level: secret
            include: [missing.yaml]
            """);
        var result = await AnalyzerVerifier.RunAsync(project, new PolicyFileAnalyzer());

        Approvals.Verify(string.Join("\n", result.AnalyzerDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage()}")));
    }

    private static TestProject WithProperty(string name, string yaml, string? projectDir = null)
    {
        var project = new TestProject().AddSource(Code).AddAdditionalFile(name, yaml)
            .AddAdditionalFile("unrelated.yaml", "not: a policy\n");
        project.BuildProperties["ServicePolicyFile"] = name;
        if (projectDir != null)
        {
            project.BuildProperties["ProjectDir"] = projectDir;
        }

        return project;
    }
}
