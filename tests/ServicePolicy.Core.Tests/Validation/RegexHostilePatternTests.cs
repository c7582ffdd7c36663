namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Validation;

/// <summary>Patterns that hide nested repeats: free-spacing mode and bounded repeats whose rounds multiply.</summary>
public class RegexHostilePatternTests
{
    [Theory]
    [InlineData("(?x) ( a + ) + $")]
    [InlineData("(?x)(a +)+$")]
    [InlineData("(?x) (a # a comment\n +)+$")]
    [InlineData("(a{1,10}){1,10}$")]
    [InlineData("(?:a{1,4}){1,4}$")]
    [InlineData("((ab){1,5}){1,5}$")]
    public void Hidden_nested_repeats_are_unsafe(string pattern)
    {
        var verdict = RegexSafety.Analyze(pattern);
        Assert.True(verdict.IsValid);
        Assert.False(verdict.IsSafe, $"`{pattern}` should be flagged");
    }

    [Theory]
    [InlineData("(?x) a + b + $")]
    [InlineData("(?x) [0-9]{1,3} ( \\. [0-9]{1,3} ){3}")]
    [InlineData("(a{1,3}){1,3}$")]
    [InlineData("(a{2}){1,10}$")]
    public void Bounded_or_separated_repeats_stay_safe(string pattern)
    {
        var verdict = RegexSafety.Analyze(pattern);
        Assert.True(verdict.IsValid);
        Assert.True(verdict.IsSafe, $"`{pattern}` should pass: {verdict.Risk}");
    }
}
