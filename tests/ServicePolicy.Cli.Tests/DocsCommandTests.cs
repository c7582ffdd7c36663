namespace ServicePolicy.Cli.Tests;

public class DocsCommandTests
{
    [Fact]
    public void Markdown_groups_rules_by_principle_in_plain_language()
    {
        var result = CliRunner.Run("docs", "policies/support.yaml");
        Assert.Equal(0, result.ExitCode);
        var text = result.Out;
        Assert.StartsWith("# Policy support-fixture\n", text, StringComparison.Ordinal);
        var p1 = text.IndexOf("### P1: Privacy and confidentiality", StringComparison.Ordinal);
        var p2 = text.IndexOf("### P2: Fair and equal treatment", StringComparison.Ordinal);
        var p8 = text.IndexOf("### P8: Empowerment within limits", StringComparison.Ordinal);
        Assert.True(p1 > 0 && p1 < p2 && p2 < p8, "principles appear in order P1, P2, P8");
        Assert.Contains("#### `P8-refund-over-limit`: Refunds above the agent's authority need approval", text, StringComparison.Ordinal);
        Assert.Contains("- all of these hold:\n  - `authority.exceeded` is true\n  - it is not the case that:\n    - `approvedBy` is present", text, StringComparison.Ordinal);
        Assert.Contains("- **Outcome:** the action needs approval (`supervisor-approval`)", text, StringComparison.Ordinal);
        Assert.Contains("- **Principle:** [P1 (Privacy and confidentiality)](#p1), sources: 000", text, StringComparison.Ordinal);
        Assert.Contains("- refund above the limit needs approval (`refund.issue`, input {amount: 150, agent: {role: agent}}) → allow-with-obligations", text, StringComparison.Ordinal);
        Assert.Contains("| P4: Commitment | (no rule) |", text, StringComparison.Ordinal);
        Assert.Contains("- sharing contact data without consent is refused (`data.share`, input {subject: c-1, recipient: partner-crm, purpose: crm-sync, fields: [email]}) → deny", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_names_the_effective_policy_its_packs_hash_and_rules_switched_off()
    {
        var text = CliRunner.RunIn(ShippedPoliciesTests.RepositoryRoot, null, "docs", "policies/examples/retailer.yaml", "--include-root", "policies").Out;

        Assert.Contains("Effective policy", text, StringComparison.Ordinal);
        Assert.Contains("acme-retail 2.3.0", text, StringComparison.Ordinal);
        Assert.Contains("service-ethics 1.0.0", text, StringComparison.Ordinal);
        Assert.Matches("sha256 `[0-9a-f]{64}`", text);
    }

    [Fact]
    public void Markdown_has_the_classification_consent_sla_authority_and_text_tables()
    {
        var text = CliRunner.Run("docs", "policies/support.yaml").Out;
        Assert.Contains("| `contact` | personal | yes | `email`, `phone` | `Customer.Email` | How to reach the customer. |", text, StringComparison.Ordinal);
        Assert.Contains("| `first-name` | `gender` | `firstName` |  |  |", text, StringComparison.Ordinal);
        Assert.Contains("| `crm-sync` | Keep your details in our partner CRM | `contact` |", text, StringComparison.Ordinal);
        Assert.Contains("| `contact`, `health` | any third party | `crm-sync` |", text, StringComparison.Ordinal);
        Assert.Contains("| `first-response-email` | first-response | email | every priority | 4h |  |", text, StringComparison.Ordinal);
        Assert.Contains("| agent | `refund.issue` | 100 EUR |", text, StringComparison.Ordinal);
        Assert.Contains("| `ru` |  | \"глупый\" |  |", text, StringComparison.Ordinal);
        Assert.Contains("| 1 | `ticket.category` is billing | `billing` | Billing questions go to billing. |", text, StringComparison.Ordinal);
        Assert.Contains("A small policy the command-line tests run against &lt;not markup&gt; &amp; friends.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_a_markdown_file_and_a_self_contained_html_page()
    {
        using var temp = new TempFolder();
        var outDir = Path.Combine(temp.Path, "review");
        var result = CliRunner.Run("docs", "policies/support.yaml", "--out", outDir);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        var html = File.ReadAllText(Path.Combine(outDir, "support.html"));
        Assert.True(File.Exists(Path.Combine(outDir, "support.md")));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("against &lt;not markup&gt; &amp; friends.", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"p1\">P1: Privacy and confidentiality</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>all of these hold:<ul>\n<li><code>authority.exceeded</code> is true</li>", html.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<li><code>approvedBy</code> is present</li></ul></li></ul></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_alone_can_go_to_standard_output()
    {
        var result = CliRunner.Run("docs", "policies/support.yaml", "--format", "html");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("</html>", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_formats_without_an_output_folder_is_bad_usage()
    {
        var result = CliRunner.Run("docs", "policies/support.yaml", "--format", "both");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_policy_is_not_documented_and_its_errors_are_listed()
    {
        var result = CliRunner.Run("docs", "policies/broken/broken.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("policies/broken/broken.yaml:9:5: error unknown-key:", result.Error, StringComparison.Ordinal);
    }
}
