namespace ServicePolicy.Cli.Tests;

using System.Text.Json;

public class DiffCommandTests
{
    [Fact]
    public void Rules_added_removed_and_changed_and_the_test_whose_outcome_changes()
    {
        var result = CliRunner.Run("diff", "policies/diff/old.yaml", "policies/diff/new.yaml");
        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Contains("  + P3-no-prohibited-claims (P3) added: No exaggerated sales claims", lines);
        Assert.Contains("  - P9-request-feedback (P9) removed: Ask for feedback after a resolution", lines);
        Assert.Contains("  ~ P8-refund-over-limit (P8) changed: severity", lines);
        Assert.Contains("      severity: error → warning", lines);
        Assert.Contains("  ~ authority limit agent refund.issue changed: up to 100 → up to 200", lines);
        Assert.Contains("  + text phrase claim (en) \"guaranteed\" added", lines);
        Assert.Contains("  ~ a refund of 150 needs approval (from the new policy)", lines);
        Assert.Contains(lines, l => l.StartsWith("      old policy: pass, effect allow-with-obligations", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("      new policy: FAIL, effect allow", StringComparison.Ordinal));
        Assert.Equal("Summary: rules 1 added, 1 removed, 1 changed; 3 other changes; 1 test case changes outcome", result.LastLine);
    }

    [Fact]
    public void A_condition_change_names_the_when_key_with_both_versions()
    {
        using var temp = new TempFolder();
        var old = temp.CopyFixture("policies/diff/old.yaml", "old.yaml");
        var text = File.ReadAllText(old).Replace("      field: authority.exceeded\n      op: eq\n      value: true", "      field: amount\n      op: gt\n      value: 500", StringComparison.Ordinal);
        var changed = temp.Write("new.yaml", text);
        var result = CliRunner.RunIn(temp.Path, null, "diff", "old.yaml", "new.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  ~ P8-refund-over-limit (P8) changed: when", result.OutLines);
        Assert.Contains("      when: `authority.exceeded` is true → `amount` is greater than 500", result.OutLines);
    }

    [Fact]
    public void A_new_test_case_is_listed_and_run_against_the_old_policy_too()
    {
        using var temp = new TempFolder();
        temp.CopyFixture("policies/diff/old.yaml", "old.yaml");
        var text = File.ReadAllText(Path.Combine(CliRunner.Fixtures, "policies", "diff", "new.yaml"))
            + "  - name: claims are refused\n    action: message.send\n    input:\n      text: guaranteed results\n    expect:\n      effect: deny\n";
        temp.Write("new.yaml", text);
        var result = CliRunner.RunIn(temp.Path, null, "diff", "old.yaml", "new.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  + test case \"claims are refused\" added: message.send {text: \"guaranteed results\"} expects effect deny", result.OutLines);
        var at = Array.IndexOf(result.OutLines, "  ~ claims are refused (from the new policy)");
        Assert.True(at > 0, result.ToString());
        Assert.StartsWith("      old policy: FAIL, effect allow", result.OutLines[at + 1], StringComparison.Ordinal);
        Assert.StartsWith("      new policy: pass, effect deny, rules [P3-no-prohibited-claims]", result.OutLines[at + 2], StringComparison.Ordinal);
        Assert.EndsWith("2 test cases change outcome", result.LastLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_policies_show_no_change()
    {
        var result = CliRunner.Run("diff", "policies/support.yaml", "policies/support.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Summary: rules 0 added, 0 removed, 0 changed; 0 other changes; 0 test cases change outcome", result.LastLine);
    }

    [Fact]
    public void Json_lists_the_same_changes()
    {
        var result = CliRunner.Run("diff", "policies/diff/old.yaml", "policies/diff/new.yaml", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rules = json.RootElement.GetProperty("rules");
        Assert.Equal("P3-no-prohibited-claims", rules.GetProperty("added")[0].GetProperty("id").GetString());
        Assert.Equal("P9-request-feedback", rules.GetProperty("removed")[0].GetProperty("id").GetString());
        var key = rules.GetProperty("changed")[0].GetProperty("keys")[0];
        Assert.Equal("severity", key.GetProperty("key").GetString());
        Assert.Equal("error", key.GetProperty("old").GetString());
        Assert.Equal("warning", key.GetProperty("new").GetString());
        var outcome = json.RootElement.GetProperty("testOutcomeChanges")[0];
        Assert.True(outcome.GetProperty("old").GetProperty("passed").GetBoolean());
        Assert.False(outcome.GetProperty("new").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void An_unreadable_side_exits_2()
    {
        var result = CliRunner.Run("diff", "policies/diff/old.yaml", "policies/diff/missing.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("policies/diff/missing.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_side_exits_2_with_its_errors()
    {
        var result = CliRunner.Run("diff", "policies/broken/broken.yaml", "policies/diff/new.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("policies/broken/broken.yaml:7:13: error unknown-action:", result.Error, StringComparison.Ordinal);
    }
}
