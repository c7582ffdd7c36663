namespace ServicePolicy.Cli.Tests;

/// <summary>The review page's navigation: contents, links between principles and rules, build-time checks, rules switched off.</summary>
public class DocsNavigationTests
{
    [Fact]
    public void Markdown_has_contents_linked_to_each_section_and_principle()
    {
        var text = CliRunner.Run("docs", "policies/support.yaml").Out;

        Assert.Contains("## Contents\n\n- [Rules by principle](#rules)\n  - [P1: Privacy and confidentiality](#p1)\n  - [P2: Fair and equal treatment](#p2)\n  - [P8: Empowerment within limits](#p8)\n- [Classification](#classification)", text, StringComparison.Ordinal);
        Assert.Contains("<a id=\"p1\"></a>\n### P1: Privacy and confidentiality", text, StringComparison.Ordinal);
        Assert.Contains("<a id=\"rule-P8-refund-over-limit\"></a>\n#### `P8-refund-over-limit`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rules switched off", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Principle_table_links_rules_and_names_the_build_time_checks()
    {
        var text = CliRunner.Run("docs", "policies/support.yaml").Out;

        Assert.Contains("| Principle | Rules | Build-time checks |", text, StringComparison.Ordinal);
        Assert.Contains("| P1: Privacy and confidentiality | [`P1-share-needs-consent`](#rule-P1-share-needs-consent) | `SP1001`, `SP1002` |", text, StringComparison.Ordinal);
        Assert.Contains("| P8: Empowerment within limits | [`P8-refund-over-limit`](#rule-P8-refund-over-limit) | — |", text, StringComparison.Ordinal);
        Assert.Contains("Checked in C# code at build time by the ServicePolicy analyzers: `SP2001` Protected attribute used in a decision context.", text, StringComparison.Ordinal);
        Assert.Contains("Checked in C# code at build time by the ServicePolicy analyzers: none: checked at run time only.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_switched_off_by_an_including_policy_are_listed_in_both_formats()
    {
        using var temp = new TempFolder();
        temp.CopyFixture("policies/support.yaml", "support.yaml");
        temp.Write("company.yaml", "apiVersion: servicepolicy/v1\nmetadata:\n  name: company\ninclude:\n  - support.yaml\ndisable:\n  - P2-no-protected-routing\n");

        var markdown = CliRunner.RunIn(temp.Path, null, "docs", "company.yaml");
        var html = CliRunner.RunIn(temp.Path, null, "docs", "company.yaml", "--format", "html");

        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.Contains("- [Rules switched off](#switched-off)", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| `P2-no-protected-routing` | removed by `disable` in this policy: an included policy defines it, this one does not enforce it |", markdown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("#### `P2-no-protected-routing`", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"switched-off\">Rules switched off</h2>", html.Out, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#switched-off\">Rules switched off</a>", html.Out, StringComparison.Ordinal);
    }
}
