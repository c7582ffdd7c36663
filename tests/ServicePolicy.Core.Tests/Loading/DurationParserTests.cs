namespace ServicePolicy.Core.Tests.Loading;

using ServicePolicy.Core.Loading;

/// <summary>Durations as policies write them (30m, 4h, 1d12h, 1w, hh:mm:ss), read by <see cref="DurationParser"/>.</summary>
public class DurationParserTests
{
    [Theory]
    [InlineData("30m", 0, 0, 30, 0)]
    [InlineData("4h", 0, 4, 0, 0)]
    [InlineData("1d12h", 1, 12, 0, 0)]
    [InlineData("1w", 7, 0, 0, 0)]
    [InlineData(" 2d 3h 4m 5s ", 2, 3, 4, 5)]
    [InlineData("4 h", 0, 4, 0, 0)]
    [InlineData("1w1d", 8, 0, 0, 0)]
    [InlineData("01:30", 0, 1, 30, 0)]
    [InlineData("01:30:15", 0, 1, 30, 15)]
    public void Reads_units_in_order_with_optional_spaces(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value), text);
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), value);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("4 hours")]
    [InlineData("h")]
    [InlineData("4h2d")]
    [InlineData("4h 4h")]
    [InlineData("-4h")]
    [InlineData("   ")]
    public void Refuses_what_is_not_a_duration(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _), text);
    }

    /// <summary>
    /// The longest texts it reads (40 characters), made to give a backtracking engine the most ways to place
    /// the spaces: still answered, and without a match timeout that a loaded machine could trip.
    /// </summary>
    [Fact]
    public void Long_runs_of_spaces_are_answered_without_a_timeout()
    {
        Assert.False(DurationParser.TryParse(new string(' ', 39) + "x", out _));
        Assert.False(DurationParser.TryParse("1" + new string(' ', 38) + "x", out _));
        Assert.True(DurationParser.TryParse("1" + new string(' ', 38) + "h", out var value));
        Assert.Equal(TimeSpan.FromHours(1), value);
    }
}
