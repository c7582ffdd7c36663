namespace ServicePolicy.Cli.Tests;

using System.Text.Json;

public class ScanCommandTests
{
    private static TempFolder CopyApp(bool breakPolicy)
    {
        var temp = new TempFolder();
        // A .git folder marks the repository root, so the policy search never leaves the temporary folder.
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Fixtures, "scan", "App")))
        {
            temp.CopyFixture(Path.Combine("scan", "App", Path.GetFileName(file)), Path.Combine("App", Path.GetFileName(file)));
        }

        if (breakPolicy)
        {
            var policy = Path.Combine(temp.Path, "App", "servicepolicy.yaml");
            File.WriteAllText(policy, File.ReadAllText(policy).Replace("  version: 1.0.0\n", "  version: 1.0.0\n  verson: 2\n", StringComparison.Ordinal));
        }

        return temp;
    }

    [Fact]
    public void No_build_finds_the_policy_beside_the_code_and_reports_an_invalid_policy_at_its_line_with_an_excerpt()
    {
        using var temp = CopyApp(breakPolicy: true);
        var result = CliRunner.RunIn(temp.Path, null, "scan", "App", "--no-build");
        Assert.Equal(1, result.ExitCode);
        var lines = result.OutLines;
        Assert.Contains("== Configuration ==", lines);
        Assert.Contains("App/servicepolicy.yaml:5:3: error SP9001: Policy problem (unknown-key): `verson` is not a key of `metadata`. Did you mean `version`?", lines);
        Assert.Contains("    5 |   verson: 2", lines);
        Assert.Contains("      |   ^^^^^^", lines);
        Assert.Contains("    help: https://github.com/servicepolicy/servicepolicy/blob/main/docs/rules/SP9001.md", lines);
        Assert.Contains(lines, l => l.StartsWith("Configuration ", StringComparison.Ordinal) && l.EndsWith("1         0     0", StringComparison.Ordinal));
        Assert.StartsWith("1 error, ", result.LastLine, StringComparison.Ordinal);
        Assert.EndsWith(" in 3 files (43 lines)", result.LastLine, StringComparison.Ordinal);
    }

    [Fact]
    public void No_build_reports_findings_by_principle_with_excerpts_and_help_links()
    {
        var result = CliRunner.Run("scan", "scan/App", "--no-build");
        Assert.True(result.ExitCode == 0, "warnings alone do not fail the scan by default\n" + result);
        var lines = result.OutLines;
        var privacy = Array.IndexOf(lines, "== P1 Privacy and confidentiality ==");
        var fairness = Array.IndexOf(lines, "== P2 Fair and equal treatment ==");
        Assert.True(privacy >= 0 && fairness > privacy, result.ToString());
        // Message texts belong to the analyzers; the tool's part is the id, the place, the excerpt and the link.
        Assert.Contains(lines, l => l.StartsWith("scan/App/PartnerCrmClient.cs:13:56: warning SP1001: Customer.Email", StringComparison.Ordinal));
        Assert.Contains("    13 |     public void Sync(Customer customer) => _crm.Upsert(customer.Email);", lines);
        Assert.Contains("       |                                                        ^^^^^^^^^^^^^^", lines);
        Assert.Contains("    help: https://github.com/servicepolicy/servicepolicy/blob/main/docs/rules/SP1001.md", lines);
        // `Console` binds only through the SDK's implicit usings (App.csproj switches them on), which the scan adds.
        Assert.Contains(lines, l => l.StartsWith("scan/App/PartnerCrmClient.cs:16:76: warning SP1002: Customer.Email", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("scan/App/TicketRouter.cs:6:47: warning SP2001: Customer.Gender", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("scan/App/TicketRouter.cs:14:35: warning SP3001: ", StringComparison.Ordinal));
        var honesty = Array.IndexOf(lines, "== P3/P7 Honesty, courtesy and respect ==");
        Assert.True(honesty > fairness, "P3/P7 findings come after P2");
        Assert.Contains(lines, l => l.StartsWith("P2 Fair and equal treatment ", StringComparison.Ordinal) && l.EndsWith("0         1     0", StringComparison.Ordinal));
    }

    [Fact]
    public void Fail_on_warning_fails_on_warnings_and_json_carries_each_finding_with_its_principle()
    {
        var result = CliRunner.Run("scan", "scan/App", "--no-build", "--format", "json", "--fail-on", "warning");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("no-build", root.GetProperty("mode").GetString());
        Assert.Equal("scan/App/servicepolicy.yaml", root.GetProperty("policy").GetString());
        Assert.Equal(3, root.GetProperty("filesScanned").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.True(root.GetProperty("warnings").GetInt32() >= 4, "one finding each for SP1001, SP1002, SP2001 and SP3001");
        var finding = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SP1001");
        Assert.Equal("P1 Privacy and confidentiality", finding.GetProperty("principle").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("scan/App/PartnerCrmClient.cs", finding.GetProperty("file").GetString());
        Assert.Equal(13, finding.GetProperty("line").GetInt32());
        Assert.Equal(56, finding.GetProperty("column").GetInt32());
        Assert.EndsWith("docs/rules/SP1001.md", finding.GetProperty("helpLink").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("summary").GetProperty("P2 Fair and equal treatment").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void No_policy_found_reports_SP9002_and_says_how_to_pass_one()
    {
        using var temp = CopyApp(breakPolicy: false);
        File.Delete(Path.Combine(temp.Path, "App", "servicepolicy.yaml"));
        var result = CliRunner.RunIn(temp.Path, null, "scan", "App", "--no-build");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("App: info SP9002: No policy file was found in App or its parents", StringComparison.Ordinal) && l.Contains("--policy <file>", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_policy_is_used_whatever_its_name()
    {
        using var temp = CopyApp(breakPolicy: true);
        File.Move(Path.Combine(temp.Path, "App", "servicepolicy.yaml"), Path.Combine(temp.Path, "rules.yaml"));
        var result = CliRunner.RunIn(temp.Path, null, "scan", "App", "--no-build", "--policy", "rules.yaml", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("rules.yaml", json.RootElement.GetProperty("policy").GetString());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SP9001");
        Assert.Equal("Configuration", finding.GetProperty("principle").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("rules.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("Configuration").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Sarif_has_rules_with_help_links_and_results_with_regions()
    {
        using var temp = CopyApp(breakPolicy: true);
        var result = CliRunner.RunIn(temp.Path, null, "scan", "App", "--no-build", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Out);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SP9001");
        Assert.EndsWith("docs/rules/SP9001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        var finding = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SP9001");
        Assert.Equal("error", finding.GetProperty("level").GetString());
        var region = finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(5, region.GetProperty("startLine").GetInt32());
        Assert.Equal(3, region.GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void A_missing_target_or_policy_exits_2()
    {
        var noTarget = CliRunner.Run("scan", "nowhere", "--no-build");
        Assert.Equal(2, noTarget.ExitCode);
        Assert.Contains("nowhere: error file-unreadable: no such project, solution or folder.", noTarget.Error, StringComparison.Ordinal);
        var noPolicy = CliRunner.Run("scan", "scan/App", "--no-build", "--policy", "missing.yaml");
        Assert.Equal(2, noPolicy.ExitCode);
        Assert.Contains("missing.yaml: error file-unreadable: the policy file was not found.", noPolicy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_project_is_bad_usage()
    {
        var result = CliRunner.Run("scan", "policies/support.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scan takes a C# project (.csproj), a solution (.sln, .slnx) or a folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Building_a_folder_without_a_project_asks_for_no_build()
    {
        var result = CliRunner.Run("scan", "policies");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-build", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_mode_builds_the_project_with_the_analyzers_attached_and_reads_their_sarif_back()
    {
        // The one test that runs `dotnet build`: a tiny project in a temporary folder.
        using var temp = CopyApp(breakPolicy: true);
        var result = CliRunner.RunIn(temp.Path, null, "scan", "App/App.csproj", "--format", "json");
        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("build", json.RootElement.GetProperty("mode").GetString());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SP9001");
        Assert.Equal("App/servicepolicy.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.Equal(3, finding.GetProperty("column").GetInt32());
        Assert.EndsWith("docs/rules/SP9001.md", finding.GetProperty("helpLink").GetString(), StringComparison.Ordinal);

        // The policy still loads despite the stray key, so the principle analyzers ran in the build too.
        var privacy = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SP1001");
        Assert.Equal("App/PartnerCrmClient.cs", privacy.GetProperty("file").GetString());
        Assert.Equal(13, privacy.GetProperty("line").GetInt32());
        Assert.Equal(56, privacy.GetProperty("column").GetInt32());
        Assert.Equal("warning", privacy.GetProperty("severity").GetString());
    }
}
