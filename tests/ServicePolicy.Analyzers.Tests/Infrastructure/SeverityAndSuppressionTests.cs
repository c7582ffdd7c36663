namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Fairness;
using ServicePolicy.Analyzers.Tests.Fairness;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>What the rule pages promise: .editorconfig severities, [SuppressMessage] and #pragma work.</summary>
public sealed class SeverityAndSuppressionTests
{
    private const string RouterWithFinding = """
        using Shop.Domain;
        public class TicketRouter
        {
            public string Queue(Ticket ticket) => ticket.Customer.Gender == "f" ? "a" : "b";
        }
        """;

    private static TestProject Project(string source, string? policyName = null)
    {
        var project = new TestProject().AddSource(source).AddSource(FairnessTestCode.Domain, "Domain.cs");
        if (policyName == null)
        {
            project.AddPolicy(FairnessTestCode.Policy);
        }
        else
        {
            project.AddAdditionalFile(policyName, FairnessTestCode.Policy);
        }

        return project;
    }

    [Fact]
    public async Task A_warning_by_default_that_editorconfig_can_raise_to_an_error()
    {
        var byDefault = await AnalyzerVerifier.RunAsync(Project(RouterWithFinding), new ProtectedAttributeAnalyzer());
        var raised = Project(RouterWithFinding);
        raised.Severities["SP2001"] = ReportDiagnostic.Error;
        var asError = await AnalyzerVerifier.RunAsync(raised, new ProtectedAttributeAnalyzer());

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(byDefault.WithId("SP2001")).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(asError.WithId("SP2001")).Severity);
    }

    [Fact]
    public Task A_SuppressMessage_attribute_with_a_justification_silences_one_finding() =>
        AnalyzerVerifier.VerifyAsync(
            Project("""
                using System.Diagnostics.CodeAnalysis;
                using Shop.Domain;
                public class TicketRouter
                {
                    [SuppressMessage("ServicePolicy", "SP2001:Protected attribute used in a decision context", Justification = "Reviewed: routes to the gender-specific medical team the customer asked for.")]
                    public string Queue(Ticket ticket) => ticket.Customer.Gender == "f" ? "a" : "b";

                    public string Other(Ticket ticket) => [|ticket.Customer.Age|] > 60 ? "a" : "b";
                }
                """),
            new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() });

    [Fact]
    public Task A_pragma_silences_the_lines_it_covers() =>
        AnalyzerVerifier.VerifyAsync(
            Project("""
                using Shop.Domain;
                public class TicketRouter
                {
                #pragma warning disable SP2001 // Reviewed: the customer chose this team.
                    public string Queue(Ticket ticket) => ticket.Customer.Gender == "f" ? "a" : "b";
                #pragma warning restore SP2001

                    public string Other(Ticket ticket) => [|ticket.Customer.Age|] > 60 ? "a" : "b";
                }
                """),
            new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() });

    [Fact]
    public Task A_policy_named_by_the_MSBuild_property_drives_the_rules()
    {
        var project = Project("""
            using Shop.Domain;
            public class TicketRouter
            {
                public string Queue(Ticket ticket) => [|ticket.Customer.Gender|] == "f" ? "a" : "b";
            }
            """, policyName: "config/company-policy.yaml");
        project.BuildProperties["ServicePolicyFile"] = "/project/config/company-policy.yaml";

        return AnalyzerVerifier.VerifyAsync(project, new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() });
    }

    [Fact]
    public Task A_yaml_file_with_another_name_and_no_property_is_not_a_policy() =>
        AnalyzerVerifier.VerifyAsync(
            Project(RouterWithFinding, policyName: "config/company-policy.yaml"),
            new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() });

    [Fact]
    public Task Annotations_and_policy_bindings_add_up() =>
        AnalyzerVerifier.VerifyAsync(
            Project("""
                using Shop.Domain;
                public class Person
                {
                    [ProtectedAttribute("religion")] public string Religion { get; set; } = "";
                }

                public class TicketRouter
                {
                    public string Queue(Ticket ticket, Person person) =>
                        [|ticket.Customer.Gender|] == "f" || [|person.Religion|] == "x" ? "a" : "b";
                }
                """),
            new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() });

    [Fact]
    public Task Broken_code_does_not_make_the_analyzer_fail() =>
        AnalyzerVerifier.VerifyAsync(
            Project("""
                using Shop.Domain;
                public class TicketRouter
                {
                    public string Queue(Ticket ticket) => [|ticket.Customer.Gender|] == UnknownThing ? "a" : ;
                }
                """),
            new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() },
            options: new VerifyOptions { AllowCompilerErrors = true });
}
