namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

public class RegexValidationTests
{
    private static string Pattern(string regex) => Policies.With($"""
        text:
          patterns:
            - id: p1
              regex: '{regex}'
        """);

    [Fact]
    public void An_invalid_pattern_is_reported_at_the_offending_character()
    {
        var yaml = Pattern("only (\\d+ left");
        var error = Assert.Single(PolicyAssert.Load(yaml).Errors);
        Assert.Equal(PolicyErrorCodes.InvalidRegex, error.Code);
        Assert.Contains("The regular expression of the text pattern `p1` is not valid: not enough )'s", error.Message, StringComparison.Ordinal);

        // .NET reports the end of the pattern for a missing `)`: the column is inside the quotes.
        var (line, column) = PolicyAssert.Position(yaml, "'only");
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(column + 1 + "only (\\d+ left".Length, error.Location.Column);
    }

    [Fact]
    public void An_invalid_matches_value_is_reported()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P3
                action: message.send
                when:
                  field: text
                  op: matches
                  value: "[a-"
            """);
        var error = Assert.Single(PolicyAssert.Load(yaml).Errors);
        Assert.Equal(PolicyErrorCodes.InvalidRegex, error.Code);
        Assert.Contains("The regular expression of the `matches` test of `text` in rule `r1` is not valid: unterminated [] set", error.Message, StringComparison.Ordinal);

        // The set is unterminated at the end of the pattern: just before the closing quote.
        var (line, column) = PolicyAssert.Position(yaml, "\"[a-\"");
        Assert.Equal((line, column + 4), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("(a+)+$", "(a+)+")]
    [InlineData("x(a*)*y", "(a*)*")]
    [InlineData("(a|a)*b", "(a|a)*")]
    [InlineData("^(\\w+\\s?)*$", "(\\w+\\s?)*")]
    public void A_pattern_prone_to_catastrophic_backtracking_is_refused_at_the_risky_part(string regex, string risky)
    {
        var yaml = Pattern(regex);
        var result = PolicyAssert.Load(yaml);
        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.UnsafeRegex);
        Assert.Contains($"could make the engine hang: `{risky}`", error.Message, StringComparison.Ordinal);
        var (line, column) = PolicyAssert.Position(yaml, risky);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains("(?>", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_risky_matches_value_is_refused()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P3
                action: message.send
                when:
                  field: text
                  op: matches
                  value: '(x+x+)+y'
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnsafeRegex, yaml, "(x+x+)+", "could make the engine hang: `(x+x+)+` repeats a part that itself repeats");
    }

    [Theory]
    [InlineData("only \\d+ left")]
    [InlineData("(\\d+,)*\\d+")]
    [InlineData("\\w+(\\s\\w+)*")]
    [InlineData("(cat|dog)+")]
    [InlineData("((?>\\w+)\\s?)*")]
    [InlineData("(да|нет)+")]
    [InlineData("garant(ía|ia|ito|ita)")]
    public void Ordinary_patterns_are_accepted(string regex)
    {
        PolicyAssert.Clean(Pattern(regex));
    }
}
