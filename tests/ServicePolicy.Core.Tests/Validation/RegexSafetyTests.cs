namespace ServicePolicy.Core.Tests.Validation;

using System.Text.RegularExpressions;
using ServicePolicy.Core.Validation;

/// <summary>The structural analysis on its own, and a check that what it refuses really is slow.</summary>
public class RegexSafetyTests
{
    [Theory]
    [InlineData("(a+)+")]
    [InlineData("(a*)*")]
    [InlineData("(a|a)*")]
    [InlineData("(a|aa)+")]
    [InlineData("(\\w+\\s?)*")]
    [InlineData("(\\d+\\.?\\d*)*")]
    [InlineData("(.*a)+")]
    [InlineData("((a+)b?)*")]
    [InlineData("(\\w|\\d)+")]
    [InlineData("(?:[a-z]+[0-9]?){2,}")]
    [InlineData("(a{1,5}){1,20}")]
    [InlineData("(?<word>\\w+\\s*)+$")]
    public void Nested_or_overlapping_repeats_are_unsafe(string pattern)
    {
        var verdict = RegexSafety.Analyze(pattern);
        Assert.True(verdict.IsValid);
        Assert.False(verdict.IsSafe, $"`{pattern}` should be flagged");
        Assert.NotNull(verdict.Risk);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a+b+c+")]
    [InlineData("(\\d+,)*")]
    [InlineData("(\\w+\\s)*")]
    [InlineData("(a+b)*")]
    [InlineData("(cat|car)*")]
    [InlineData("(a|ab)*")]
    [InlineData("(?>a+)+")]
    [InlineData("[a-z]{2,3}(\\.[a-z]{2,3}){0,3}")]
    [InlineData("(\\s|\\S)*")]
    [InlineData("\\b(free|gratis|gratuito|бесплатно)\\b")]
    [InlineData("(?i)only \\d+ (left|remaining)")]
    [InlineData("(?x) a+ # comment\n b")]
    public void Linear_patterns_are_safe(string pattern)
    {
        var verdict = RegexSafety.Analyze(pattern);
        Assert.True(verdict.IsSafe, $"`{pattern}`: {verdict.Risk}");
    }

    [Fact]
    public void Invalid_patterns_report_the_reason_and_offset()
    {
        var verdict = RegexSafety.Analyze("a)b");
        Assert.False(verdict.IsValid);
        Assert.Equal(2, verdict.ErrorOffset);
        Assert.Contains("too many )'s", verdict.SyntaxError, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_groups_are_refused_without_parsing()
    {
        var pattern = new string('(', 5000) + "a" + new string(')', 5000);
        var verdict = RegexSafety.Analyze(pattern);
        Assert.False(verdict.IsSafe);
        Assert.Contains("nests groups more than", verdict.Risk, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_insensitive_analysis_widens_letters()
    {
        Assert.True(RegexSafety.Analyze("(a|A)+").IsSafe);
        Assert.False(RegexSafety.Analyze("(a|A)+", ignoreCase: true).IsSafe);
    }

    [Fact]
    public void What_the_analysis_refuses_really_backtracks_while_what_it_accepts_does_not()
    {
        // Not a timing assertion: the count of timeouts is what is compared. Each match gets
        // 50 ms; an exponential pattern on a 40-character near-miss needs far longer.
        var input = new string('a', 40) + "!";
        Assert.True(TimesOut("^(a+)+$", input));
        Assert.True(TimesOut("^(\\w+\\s?)*$", input));
        Assert.False(TimesOut("^\\w+(\\s\\w+)*$", input));
        Assert.False(RegexSafety.Analyze("^(a+)+$").IsSafe);
        Assert.True(RegexSafety.Analyze("^\\w+(\\s\\w+)*$").IsSafe);
    }

    [Fact]
    public void Random_patterns_never_make_the_analysis_throw()
    {
        // Whatever .NET accepts, the structural parser must either analyse or skip, never throw.
        const string Alphabet = "ab()[]{}|*+?^$\\.-,019dwsDWSpPk<>=!:'#xin uLé";
        var random = new Random(4242);
        var analysed = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var pattern = new string(Enumerable.Range(0, 1 + random.Next(14)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var verdict = RegexSafety.Analyze(pattern, ignoreCase: random.Next(2) == 0);
            if (verdict.IsValid)
            {
                analysed++;
                Assert.True(verdict.IsSafe || verdict.RiskOffset >= 0, pattern);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(verdict.SyntaxError), pattern);
            }
        }

        Assert.True(analysed > 500, $"only {analysed} random patterns were valid");
    }

    private static bool TimesOut(string pattern, string input)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50)).IsMatch(input);
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
