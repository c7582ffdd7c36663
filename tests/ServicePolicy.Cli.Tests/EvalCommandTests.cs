namespace ServicePolicy.Cli.Tests;

using System.Text.Json;

public class EvalCommandTests
{
    [Fact]
    public void A_refund_above_the_limit_is_allowed_with_an_approval_obligation()
    {
        var result = CliRunner.Run("eval", "--policy", "policies/support.yaml", "--action", "refund.issue", "--input", "inputs/refund-150.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("decision: allow-with-obligations", result.OutLines[0]);
        Assert.Contains("  - P8-refund-over-limit (P8, warning, require-approval): Refund of 150 is above the limit of 100", result.OutLines);
        Assert.Contains("  - supervisor-approval (rule P8-refund-over-limit): Refund of 150 is above the limit of 100", result.OutLines);
        Assert.Contains("explanation:", result.OutLines);
    }

    [Fact]
    public void A_denied_decision_exits_1()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "data.share", "-i", "inputs/share.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("decision: deny", result.OutLines[0]);
        Assert.Contains("  - P1-share-needs-consent (P1, critical, deny): Consent for crm-sync is missing", result.OutLines);
        Assert.Contains("    to comply: Ask the customer for consent first.", result.OutLines);
    }

    [Fact]
    public void Consent_on_the_command_line_and_input_on_standard_input()
    {
        var input = File.ReadAllText(Path.Combine(CliRunner.Fixtures, "inputs", "share.json"));
        var result = CliRunner.RunIn(CliRunner.Fixtures, input, "eval", "-p", "policies/support.yaml", "-a", "data.share", "-i", "-", "--consent", "c-1:crm-sync:partner-crm");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("decision: allow", result.OutLines[0]);
        Assert.Contains("violations: none", result.OutLines);
    }

    [Fact]
    public void A_withdrawn_consent_is_refused()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "data.share", "-i", "inputs/share.json", "--withdrawn", "c-1:crm-sync");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("consent.withdrawn = [crm-sync]", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_input_works_like_json()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "refund.issue", "-i", "inputs/refund-40.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("decision: allow", result.OutLines[0]);
    }

    [Fact]
    public void Json_format_carries_effect_violations_obligations_and_explanation()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "refund.issue", "-i", "inputs/refund-150.json", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("allow-with-obligations", root.GetProperty("effect").GetString());
        Assert.True(root.GetProperty("allowed").GetBoolean());
        Assert.Equal("P8-refund-over-limit", root.GetProperty("violations")[0].GetProperty("ruleId").GetString());
        Assert.Equal("supervisor-approval", root.GetProperty("obligations")[0].GetProperty("name").GetString());
        Assert.Equal("support-fixture", root.GetProperty("policy").GetProperty("name").GetString());
        Assert.Contains("authority.exceeded", root.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Now_sets_the_clock_for_deadline_actions()
    {
        using var temp = new TempFolder();
        temp.Write("complaint.json", """{ "complaintId": "k-1", "receivedAt": "2026-03-01T09:00:00Z" }""");
        var policy = temp.CopyFixture("policies/support.yaml", "support.yaml");
        var late = CliRunner.RunIn(temp.Path, null, "eval", "-p", policy, "-a", "complaint.acknowledge", "-i", "complaint.json", "--now", "2026-03-03T09:00:00Z");
        var early = CliRunner.RunIn(temp.Path, null, "eval", "-p", policy, "-a", "complaint.acknowledge", "-i", "complaint.json", "--now", "2026-03-01T10:00:00Z");
        Assert.Contains("sla.overdue = true", late.Out, StringComparison.Ordinal);
        Assert.Contains("sla.overdue = false", early.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_input_names_line_and_column_and_exits_2()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "refund.issue", "-i", "inputs/bad.json");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("inputs/bad.json:2:30: error input-syntax: the input is not valid JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_file_exits_2()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "refund.issue", "-i", "inputs/nope.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("inputs/nope.json: error file-unreadable: the input file was not found.", result.Error.Trim());
    }

    [Fact]
    public void A_malformed_consent_is_bad_usage()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "data.share", "--consent", "only-a-subject");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("subject:purpose", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_time_is_bad_usage()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "complaint.acknowledge", "--now", "yesterday");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ISO 8601", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_bad_usage()
    {
        var result = CliRunner.Run("eval", "--policy", "policies/support.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--action", result.Error, StringComparison.Ordinal);
        Assert.Contains("servicepolicy eval --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_action_is_bad_usage_with_the_actions_listed()
    {
        var result = CliRunner.Run("eval", "-p", "policies/support.yaml", "-a", "refund.isue");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("servicepolicy eval: error unknown-action: `refund.isue` is not an action of the policy", result.Error, StringComparison.Ordinal);
        Assert.Contains("refund.issue", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_that_is_not_an_object_is_refused_by_the_engine_not_the_tool()
    {
        var result = CliRunner.RunIn(CliRunner.Fixtures, "[1, 2]", "eval", "-p", "policies/support.yaml", "-a", "refund.issue", "-i", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("decision: deny", result.OutLines[0]);
        Assert.Contains(result.OutLines, l => l.StartsWith("  - engine.bad-input (error): ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_policy_exits_2()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(Path.Combine(temp.Path, "p.yaml"), new byte[] { 0, 0, 0, 1 });
        var result = CliRunner.RunIn(temp.Path, null, "eval", "-p", "p.yaml", "-a", "refund.issue");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("p.yaml: error file-unreadable", result.Error, StringComparison.Ordinal);
    }
}
