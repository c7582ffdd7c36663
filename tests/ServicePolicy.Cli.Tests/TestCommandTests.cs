namespace ServicePolicy.Cli.Tests;

using System.Text.Json;

public class TestCommandTests
{
    [Fact]
    public void Embedded_cases_and_the_tests_file_beside_the_policy_all_run()
    {
        var result = CliRunner.Run("test", "policies/support.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "policies/support.yaml",
                "  PASS  sharing contact data without consent is refused  [policies/support.yaml:113:5]",
                "  PASS  sharing with consent is allowed  [policies/support.yaml:123:5]",
                "  PASS  refund above the limit needs approval  [policies/support.yaml:136:5]",
                "  PASS  billing tickets go to billing  [policies/support.yaml:146:5]",
                "  PASS  refund within the agent's authority needs no approval  [policies/support.tests.yaml:4:5]",
                "  PASS  routing on gender is refused  [policies/support.tests.yaml:12:5]",
                "6 passed, 0 failed",
            },
            result.OutLines);
    }

    [Fact]
    public void A_tests_file_passed_alone_runs_against_the_policy_it_names()
    {
        var result = CliRunner.Run("test", "policies/support.tests.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2 passed, 0 failed", result.LastLine);
        Assert.Contains("  PASS  routing on gender is refused  [policies/support.tests.yaml:12:5]", result.OutLines);
    }

    [Fact]
    public void A_failing_case_shows_expected_actual_and_the_explanation_and_exits_1()
    {
        var result = CliRunner.Run("test", "policies/failing");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("0 passed, 1 failed", result.LastLine);
        Assert.Contains("  FAIL  a small refund is wrongly expected to be refused  [policies/failing/failing.yaml:21:5]", result.OutLines);
        Assert.Contains("        expected: effect deny", result.OutLines);
        Assert.Contains("        actual:   effect allow, rules []", result.OutLines);
        Assert.Contains("        - expected effect deny, got allow", result.OutLines);
        Assert.Contains(result.OutLines, l => l.Contains("[failed] authority.exceeded eq true", StringComparison.Ordinal));
    }

    [Fact]
    public void Filter_takes_a_glob()
    {
        var result = CliRunner.Run("test", "policies/support.yaml", "--filter", "*consent*");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2 passed, 0 failed", result.LastLine);
        Assert.All(result.OutLines.Where(l => l.Contains("PASS", StringComparison.Ordinal)), l => Assert.Contains("consent", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Filter_takes_a_case_insensitive_substring()
    {
        var result = CliRunner.Run("test", "policies/support.yaml", "--filter", "REFUND");
        Assert.Equal("2 passed, 0 failed", result.LastLine);
    }

    [Fact]
    public void A_filter_that_matches_nothing_says_so()
    {
        var result = CliRunner.Run("test", "policies/support.yaml", "--filter", "no such case");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "policies/support.yaml", "  (no test case matches the filter)", "0 passed, 0 failed" }, result.OutLines);
    }

    [Fact]
    public void A_policy_with_errors_exits_2_naming_file_line_and_column_and_still_ends_with_the_summary()
    {
        var result = CliRunner.Run("test", "policies/broken");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("policies/broken/broken.yaml:9:5: error unknown-key:", result.Error, StringComparison.Ordinal);
        Assert.Equal("0 passed, 0 failed", result.LastLine);
    }

    [Fact]
    public void A_tests_file_whose_policy_is_missing_exits_2_at_its_policy_key()
    {
        using var temp = new TempFolder();
        temp.Write("orphan.tests.yaml", "policy: gone.yaml\ntests:\n  - name: t\n    action: refund.issue\n    expect:\n      effect: allow\n");
        var result = CliRunner.RunIn(temp.Path, null, "test", "orphan.tests.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("orphan.tests.yaml:1:9: error file-unreadable: The policy under test, `gone.yaml`, was not found.", result.Error, StringComparison.Ordinal);
        Assert.Equal("0 passed, 0 failed", result.LastLine);
    }

    [Fact]
    public void A_binary_policy_exits_2()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(Path.Combine(temp.Path, "policy.yaml"), new byte[] { 1, 2, 0, 4, 5 });
        var result = CliRunner.RunIn(temp.Path, null, "test", "policy.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("policy.yaml: error file-unreadable: `policy.yaml` is not a text file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_no_policies_exits_2()
    {
        using var temp = new TempFolder();
        var result = CliRunner.RunIn(temp.Path, null, "test", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error no-policies", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_reports_each_case_with_expected_and_actual()
    {
        var result = CliRunner.Run("test", "policies/failing", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("passed").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("failed").GetInt32());
        var only = json.RootElement.GetProperty("results")[0];
        Assert.False(only.GetProperty("passed").GetBoolean());
        Assert.Equal("effect deny", only.GetProperty("expected").GetString());
        Assert.Equal("policies/failing/failing.yaml:21:5", only.GetProperty("location").GetString());
        Assert.Contains("authority.exceeded", only.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }
}
