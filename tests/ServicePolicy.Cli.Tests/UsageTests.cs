namespace ServicePolicy.Cli.Tests;

public class UsageTests
{
    [Theory]
    [InlineData("validate", "servicepolicy validate policies/")]
    [InlineData("test", "--filter")]
    [InlineData("eval", "--consent")]
    [InlineData("scan", "--no-build")]
    [InlineData("docs", "--out")]
    [InlineData("diff", "servicepolicy diff old/service-ethics.yaml policies/service-ethics.yaml")]
    public void Every_verb_has_help_with_examples(string verb, string expected)
    {
        var result = CliRunner.Run(verb, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains(expected, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_help_lists_the_verbs_and_the_exit_codes()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "validate", "test", "eval", "scan", "docs", "diff" })
        {
            Assert.Contains("  " + verb, result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes: 0 clean, 1 violations or failed tests, 2 bad usage or unreadable input.", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    [InlineData("validate", "--format", "xml", "policies/support.yaml")]
    [InlineData("scan", "--fail-on", "never")]
    [InlineData("diff", "policies/support.yaml")]
    public void Bad_usage_exits_2_and_points_to_help(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help` for usage and examples.", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void No_verb_is_bad_usage()
    {
        var result = CliRunner.Run(Array.Empty<string>());
        Assert.Equal(2, result.ExitCode);
    }
}
