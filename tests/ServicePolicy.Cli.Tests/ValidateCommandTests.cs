namespace ServicePolicy.Cli.Tests;

using System.Text.Json;

public class ValidateCommandTests
{
    [Fact]
    public void A_valid_policy_reports_its_rules_and_tests_and_exits_0()
    {
        var result = CliRunner.Run("validate", "policies/support.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "policies/support.yaml: valid (3 rules, 4 tests)", "1 file checked: 0 errors, 0 warnings" }, result.OutLines);
    }

    [Fact]
    public void Every_error_names_file_line_and_column_with_a_hint_and_exits_1()
    {
        var result = CliRunner.Run("validate", "policies/broken");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "policies/broken/broken.yaml:7:13: error unknown-action: Rule `r1` applies to the action `data.shares`, which does not exist. Did you mean `data.share`?",
                "policies/broken/broken.yaml:9:5: error unknown-key: `efect` is not a key of `rules[1]`. Did you mean `effect`?",
                "1 file checked: 2 errors, 0 warnings",
            },
            result.OutLines);
    }

    [Fact]
    public void A_folder_is_searched_recursively_and_tests_files_are_checked_too()
    {
        var result = CliRunner.Run("validate", "policies/diff", "policies/support.tests.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("policies/diff/new.yaml: valid (2 rules, 1 test)", result.OutLines);
        Assert.Contains("policies/diff/old.yaml: valid (2 rules, 1 test)", result.OutLines);
        Assert.Contains("policies/support.tests.yaml: valid (2 tests)", result.OutLines);
        // The diff fixtures have two rules each and one test: the untested rules are warned about.
        Assert.Equal(4, result.OutLines.Count(l => l.Contains("warning untested-rule", StringComparison.Ordinal)));
        Assert.Equal("3 files checked: 0 errors, 4 warnings", result.LastLine);
    }

    [Fact]
    public void The_schema_folder_is_skipped()
    {
        using var temp = new TempFolder();
        temp.CopyFixture("policies/support.yaml", "policies/support.yaml");
        temp.Write("policies/schema/not-a-policy.yaml", "this: is not a policy\n");
        var result = CliRunner.RunIn(temp.Path, null, "validate", "policies");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("schema", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tests_file_naming_a_missing_policy_is_an_error_at_the_policy_key()
    {
        using var temp = new TempFolder();
        temp.Write("orphan.tests.yaml", "policy: nowhere.yaml\ntests:\n  - name: t\n    action: refund.issue\n    expect:\n      effect: allow\n");
        var result = CliRunner.RunIn(temp.Path, null, "validate", "orphan.tests.yaml");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("orphan.tests.yaml:1:9: error include: The policy under test, `nowhere.yaml`, was not found.", result.OutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_no_policies_exits_2_with_a_clear_message()
    {
        using var temp = new TempFolder();
        temp.Write("readme.txt", "nothing here");
        var result = CliRunner.RunIn(temp.Path, null, "validate", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error no-policies: the folder holds no policy files", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var result = CliRunner.Run("validate", "policies/does-not-exist.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("policies/does-not-exist.yaml: error file-unreadable: no such file or folder.", result.Error.Trim());
    }

    [Fact]
    public void A_binary_file_passed_as_a_policy_exits_2_without_a_stack_trace()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(Path.Combine(temp.Path, "image.yaml"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF });
        var result = CliRunner.RunIn(temp.Path, null, "validate", "image.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("image.yaml: error file-unreadable: `image.yaml` is not a text file", result.OutLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_exits_2()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Permission bits do not stop root; a folder given where a file is expected is unreadable for everyone.
            using var folder = new TempFolder();
            Directory.CreateDirectory(Path.Combine(folder.Path, "policy.yaml"));
            var asFolder = CliRunner.RunIn(folder.Path, null, "docs", "policy.yaml");
            Assert.Equal(2, asFolder.ExitCode);
            Assert.Contains("policy.yaml: error file-unreadable", asFolder.Error, StringComparison.Ordinal);
            return;
        }

        using var temp = new TempFolder();
        var path = temp.CopyFixture("policies/support.yaml", "locked.yaml");
        File.SetUnixFileMode(path, UnixFileMode.None);
        var result = CliRunner.RunIn(temp.Path, null, "validate", "locked.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("locked.yaml: error file-unreadable", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_files_and_diagnostics_with_locations()
    {
        var result = CliRunner.Run("validate", "policies/broken", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("errors").GetInt32());
        Assert.False(root.GetProperty("files")[0].GetProperty("valid").GetBoolean());
        var first = root.GetProperty("diagnostics")[0];
        Assert.Equal("policies/broken/broken.yaml", first.GetProperty("file").GetString());
        Assert.Equal(7, first.GetProperty("line").GetInt32());
        Assert.Equal(13, first.GetProperty("column").GetInt32());
        Assert.Equal("unknown-action", first.GetProperty("code").GetString());
        Assert.Equal("Did you mean `data.share`?", first.GetProperty("hint").GetString());
    }

    [Fact]
    public void Sarif_is_version_2_1_0_with_rule_ids_levels_and_regions()
    {
        var result = CliRunner.Run("validate", "policies/broken", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Out);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "unknown-action", "unknown-key" }, ruleIds);
        var results = run.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var second = results[1];
        Assert.Equal("unknown-key", second.GetProperty("ruleId").GetString());
        Assert.Equal("error", second.GetProperty("level").GetString());
        var location = second.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("policies/broken/broken.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(9, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void A_valid_policy_gives_an_empty_sarif_result_list()
    {
        var result = CliRunner.Run("validate", "policies/support.yaml", "--format", "sarif");
        Assert.Equal(0, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Out);
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }
}
