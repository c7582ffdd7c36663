namespace ServicePolicy.Cli.Tests;

using System.Reflection;

/// <summary>
/// The shipped policies, run through the installed-style tool exactly as a compliance officer
/// would. The tool runs with InvariantGlobalization (no ICU), as many containerised apps do, so
/// these cases also prove that text matching folds accents without ICU.
/// </summary>
public class ShippedPoliciesTests
{
    internal static readonly string RepositoryRoot = typeof(ShippedPoliciesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void Every_embedded_test_of_the_shipped_policies_passes_through_the_tool()
    {
        var result = CliRunner.RunIn(RepositoryRoot, null, "test", "policies");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\d+ passed, 0 failed$", result.OutLines.Last(l => l.Length > 0));
    }

    [Theory]
    [InlineData("No sea estupido, lea el manual.", "estúpido")]
    [InlineData("NON È UN NOSTRO PROBLEMA", "non è un nostro problema")]
    [InlineData("Это гарантированно сработает", "гарантированно")]
    public void Unaccented_or_upper_case_text_matches_the_policy_phrase_without_ICU(string text, string phrase)
    {
        var input = "{\"channel\":\"chat\",\"kind\":\"reply\",\"text\":\"" + text + "\"}";
        var result = CliRunner.RunIn(RepositoryRoot, input, "eval", "--policy", "policies/service-ethics.yaml", "--action", "message.send", "--input", "-");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("decision: deny", result.OutLines[0]);
        Assert.Contains(phrase, result.Out, StringComparison.Ordinal);
    }
}
