namespace ServicePolicy.Analyzers.Tests.Budgets;

using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Communication;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Tests.Harness;
using ServicePolicy.Analyzers.Tests.Privacy;

/// <summary>
/// Generated code of a size no one writes by hand: the rules spend bounded work on it and say so with SP9004
/// (or, for text, scan it in one pass), instead of costing minutes and gigabytes. Nothing here measures time:
/// the assertions are on what the rules report.
/// </summary>
public sealed class BodyBudgetTests
{
    private const string Usings = """
        using Microsoft.Extensions.Logging;
        using Shop.Domain;
        using Shop.Integrations;

        """;

    [Fact]
    public async Task A_20000_line_method_is_skipped_with_SP9004_by_both_privacy_rules()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"        var v{i} = customer.Email + \"{i}\";\n");
            body.Append(CultureInfo.InvariantCulture, $"        if (v{i}.Length > {i}) {{ logger.LogInformation(v{i}); }}\n");
        }

        var source = Usings + "public sealed class Generated\n{\n    public void Run(Customer customer, ILogger logger)\n    {\n" + body + "    }\n}\n";

        var result = await AnalyzerVerifier.RunAsync(PrivacyFixture.Project(source), new PersonalDataToThirdPartyAnalyzer(), new PersonalDataToLogAnalyzer());

        Assert.Empty(result.AnalyzerExceptions);
        var skipped = Assert.Single(result.AnalyzerDiagnostics.Where(d => d.Id == "SP9004" && d.GetMessage(CultureInfo.InvariantCulture).Contains("SP1002", StringComparison.Ordinal)));
        Assert.Equal(DiagnosticSeverity.Info, skipped.Severity);
        Assert.Equal("Run", skipped.Location.SourceTree!.GetText().ToString(skipped.Location.SourceSpan));
        Assert.Contains("more than 60,000 syntax nodes", skipped.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(result.AnalyzerDiagnostics.Where(d => d.Id == "SP9004" && d.GetMessage(CultureInfo.InvariantCulture).Contains("SP1001", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id is "SP1001" or "SP1002");
    }

    [Fact]
    public async Task A_method_whose_flow_would_cost_too_much_is_given_up_with_SP9004()
    {
        // Under the syntax limits, but every personal local stays live across every later branch: the facts
        // copied from block to block grow with the square of the length.
        var body = new StringBuilder();
        for (var i = 0; i < 1_500; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"        var e{i} = customer.Email;\n");
            body.Append(CultureInfo.InvariantCulture, $"        if (flag) {{ logger.LogInformation(\"step {i}\"); }}\n");
        }

        body.Append("        logger.LogInformation(e0);\n");
        var source = Usings + "public sealed class Generated\n{\n    public void Run(Customer customer, ILogger logger, bool flag)\n    {\n" + body + "    }\n}\n";

        var result = await AnalyzerVerifier.RunAsync(PrivacyFixture.Project(source), new PersonalDataToLogAnalyzer());

        Assert.Empty(result.AnalyzerExceptions);
        var skipped = Assert.Single(result.AnalyzerDiagnostics);
        Assert.Equal("SP9004", skipped.Id);
        Assert.Contains("the flow analysis needed more than 2,000,000 steps", skipped.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5000_term_concatenation_is_skipped_with_SP9004_rather_than_followed_term_by_term()
    {
        var concatenation = new StringBuilder("\"start\"");
        for (var i = 0; i < 5_000; i++)
        {
            concatenation.Append(i % 2 == 0 ? " + customer.Email" : " + \" \"");
        }

        var source = Usings + "public sealed class Generated\n{\n    public void Run(Customer customer, ILogger logger)\n    {\n"
            + "        logger.LogInformation(" + concatenation + ");\n    }\n\n"
            + "    public void Small(Customer customer, ILogger logger) => logger.LogInformation(\"a \" + customer.Email + \" b\");\n}\n";

        var result = await AnalyzerVerifier.RunAsync(PrivacyFixture.Project(source), new PersonalDataToLogAnalyzer());

        Assert.Empty(result.AnalyzerExceptions);
        var skipped = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "SP9004");
        Assert.Contains("expressions nested more than 400 deep", skipped.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // The other method of the same file is still checked.
        Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "SP1002");
    }

    [Fact]
    public async Task A_5000_term_literal_concatenation_is_scanned_whole_for_banned_phrases()
    {
        // The phrase is split across two literals in the middle of the chain: only joining the literals finds it.
        var concatenation = new StringBuilder("\"Dear customer, \"");
        for (var i = 0; i < 5_000; i++)
        {
            concatenation.Append(i == 2_500 ? " + \"this is risk\" + \"-free. \"" : " + \"Thanks. \"");
        }

        const string Policy = """
            apiVersion: servicepolicy/v1
            metadata:
              name: generated-text
            text:
              claims:
                en: [risk-free]
            analyzers:
              customerFacingText: ["Outbox.Send(body)"]
            """;
        var source = "public static class Outbox\n{\n    public static void Send(string body) { }\n}\n\n"
            + "public sealed class Generated\n{\n    public void Run() => Outbox.Send(" + concatenation + ");\n}\n";
        var project = new TestProject().AddSource(source).AddPolicy(Policy);

        var result = await AnalyzerVerifier.RunAsync(project, new CustomerTextAnalyzer());

        Assert.Empty(result.AnalyzerExceptions);
        var finding = Assert.Single(result.AnalyzerDiagnostics);
        Assert.Equal("SP3001", finding.Id);
        Assert.Contains("'risk-free'", finding.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
