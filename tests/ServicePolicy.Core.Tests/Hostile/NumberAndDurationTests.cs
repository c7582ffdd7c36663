namespace ServicePolicy.Core.Tests.Hostile;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>
/// Durations and numbers accept the ASCII digits 0-9 only and are range-checked: a value that is
/// too large, or written with other digits, is a located error, never an exception, a wrap to a
/// small or negative duration, or an infinity.
/// </summary>
public class NumberAndDurationTests
{
    private static string Sla(string within) => Policies.With($"""
        slas:
          - id: first-response-email
            kind: first-response
            channel: email
            within: {within}
        """);

    [Theory]
    [InlineData("99999999999999999999d", "longer than the longest duration")] // overflows a long
    [InlineData("106751991167301d", "longer than the longest duration")]      // overflows TimeSpan
    [InlineData("123527304065019319w", "longer than the longest duration")]   // wrapped to one day
    [InlineData("20587884010836553w", "longer than the longest duration")]    // wrapped to minus one day
    [InlineData("36501d", "longer than the longest duration")]
    [InlineData("10675199.02:48:05", "longer than the longest duration")]
    [InlineData("١٢h", "digits other than 0-9")]                               // Arabic-Indic digits
    [InlineData("１２h", "digits other than 0-9")]                             // full-width digits
    public void A_duration_out_of_range_or_with_other_digits_is_a_located_error(string within, string messagePart)
    {
        var yaml = Sla(within);
        var result = LoadGuard.Run(() => PolicyAssert.Load(yaml));
        Assert.False(result.Succeeded);
        PolicyAssert.Single(result, PolicyErrorCodes.InvalidValue, yaml, within, messagePart);
    }

    [Theory]
    [InlineData("36500d", 36_500 * 24.0)]
    [InlineData("1w2d3h", (9 * 24) + 3.0)]
    [InlineData("000000000000000000000004h", 4.0)]
    [InlineData("12:30", 12.5)]
    public void Durations_up_to_the_maximum_load(string within, double hours)
    {
        var policy = PolicyAssert.Clean(Sla(within));
        Assert.Equal(TimeSpan.FromHours(hours), Assert.Single(policy.Slas).Within);
    }

    [Theory]
    [InlineData("99999999999999999999d")]
    [InlineData("١٢h")]
    [InlineData("20587884010836553w")]
    [InlineData("10675199.02:48:05")]
    public void The_duration_parser_never_throws_and_never_wraps(string text)
    {
        Assert.False(DurationParser.TryParse(text, out var value)); string? problem = "";
        Assert.Equal(TimeSpan.Zero, value);
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("max: 1e400", "too large for an amount")]
    [InlineData("max: 99999999999999999999999999999999", "too large for an amount")]
    [InlineData("max: ١٠٠", "digits other than 0-9")]
    public void An_amount_out_of_range_is_a_located_error(string max, string messagePart)
    {
        var yaml = Policies.With($"""
            authority:
              - role: agent
                action: refund.issue
                {max}
            """);
        var result = LoadGuard.Run(() => PolicyAssert.Load(yaml));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Location.Line == PolicyAssert.Position(yaml, max).Line);
        Assert.Contains(messagePart, error.Message + " " + error.Hint, StringComparison.Ordinal);
    }
}
