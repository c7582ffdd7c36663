namespace ServicePolicy.Cli.Tests;

/// <summary>
/// Hostile or malformed files and inputs end in a clear error and exit code 1 or 2, never in
/// "internal error", a hang, or the content of a file that is not a policy.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Secret = "PLANTED-TOKEN-51d3";

    private readonly string _folder = Directory.CreateTempSubdirectory("sp-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Sla(string within) =>
        $"apiVersion: servicepolicy/v1\nslas:\n  - id: first-response-email\n    kind: first-response\n    channel: email\n    within: {within}\n";

    [Fact]
    public void Durations_out_of_range_are_located_errors_and_the_other_files_are_still_checked()
    {
        Write("a-huge.yaml", Sla("99999999999999999999d"));
        Write("b-digits.yaml", Sla("١٢h"));
        Write("c-wraps.yaml", Sla("20587884010836553w"));
        Write("d-good.yaml", Sla("8h"));

        var result = CliRunner.RunIn(_folder, null, "validate", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("a-huge.yaml:6:13: error invalid-value:", result.Out, StringComparison.Ordinal);
        Assert.Contains("b-digits.yaml:6:13: error invalid-value:", result.Out, StringComparison.Ordinal);
        Assert.Contains("c-wraps.yaml:6:13: error invalid-value:", result.Out, StringComparison.Ordinal);
        Assert.Contains("d-good.yaml: valid", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_file_that_is_not_a_policy_is_never_quoted(string format)
    {
        Write("secret.txt", Secret + "\n");
        Write("policies/notes.yaml", Secret + ": x\n");
        Write("policies/company.yaml", "apiVersion: servicepolicy/v1\ninclude:\n  - ../secret.txt\n  - notes.yaml\n  - /etc/hostname\n");

        var result = CliRunner.RunIn(_folder, null, "validate", "policies", "--format", format);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("not-a-policy", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_pack_beside_the_folder_is_included_with_include_root()
    {
        Write("seed.yaml", "apiVersion: servicepolicy/v1\nmetadata:\n  name: seed\n  version: 1.0.0\n");
        Write("company/policy.yaml", "apiVersion: servicepolicy/v1\ninclude: [../seed.yaml]\n");

        var refused = CliRunner.RunIn(_folder, null, "validate", "company/policy.yaml");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("company/policy.yaml:2:11: error include:", refused.Out, StringComparison.Ordinal);
        Assert.Contains("--include-root", refused.Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.RunIn(_folder, null, "validate", "company/policy.yaml", "--include-root", ".").ExitCode);
        Assert.Equal(0, CliRunner.RunIn(_folder, null, "validate", ".").ExitCode); // a folder named on the command line is a root
        Assert.Equal(2, CliRunner.RunIn(_folder, null, "validate", "company/policy.yaml", "--include-root", "no-such-folder").ExitCode);
    }

    [Fact]
    public void A_folder_walk_does_not_follow_linked_folders_and_checks_each_file_once()
    {
        Write("policies/a.yaml", Sla("8h"));
        Write("policies/sub/b.yaml", Sla("4h"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "policies", "sub", "up"), Path.Combine(_folder, "policies"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "policies", "sub", "up2"), Path.Combine(_folder, "policies"));
        File.CreateSymbolicLink(Path.Combine(_folder, "policies", "sub", "again.yaml"), Path.Combine(_folder, "policies", "a.yaml"));

        var result = CliRunner.RunIn(_folder, null, "validate", "policies");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2 files checked: 0 errors, 0 warnings", result.LastLine);
    }

    [Theory]
    [InlineData("a.json", "{\"subject\": \"c-1\", \"recipient\": \"\\ud800\"}", "not valid Unicode")]
    [InlineData("b.json", "{\"amount\": 1e400}", "too large")]
    [InlineData("c.yaml", "amount: 1e400\n", "too large")]
    public void A_malformed_eval_input_is_bad_input_not_an_internal_error(string name, string input, string messagePart)
    {
        Write(name, input);
        var policy = Path.Combine(CliRunner.Fixtures, "policies", "support.yaml");

        var result = CliRunner.RunIn(_folder, null, "eval", "--policy", policy, "--action", "refund.issue", "--input", name, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Contains(messagePart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_policy_is_refused_naming_its_encoding()
    {
        File.WriteAllText(Path.Combine(_folder, "wide.yaml"), "apiVersion: servicepolicy/v1\n", new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var result = CliRunner.RunIn(_folder, null, "validate", "wide.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("UTF-16 (little-endian)", result.Out + result.Error, StringComparison.Ordinal);
    }
}
