namespace ServicePolicy.Core.Loading;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>Durations as a compliance officer writes them: 30m, 4h, 2d, 1d12h, 1w; also hh:mm:ss.</summary>
/// <remarks>The JSON Schema mirrors this grammar in <c>Schema.JsonSchemaGenerator.DurationPattern</c>; change both together.</remarks>
public static class DurationParser
{
    /// <summary>The longest duration a policy or an input may state: 36,500 days (about a hundred years).</summary>
    /// <remarks>
    /// Far beyond any deadline a service promises, and far below where adding it to a date or
    /// converting it to ticks could overflow, so no arithmetic on a parsed duration can wrap.
    /// </remarks>
    public static readonly TimeSpan MaxValue = TimeSpan.FromDays(36_500);

    // [0-9], not \d: \d also matches Arabic-Indic, Devanagari and other digits, which long.Parse
    // then refuses with an exception. Matched against the trimmed text, every \s* follows a digit
    // or a unit letter, so the engine never has two ways to place a space and a match is linear in
    // the text (at most 40 characters). So no match timeout: one is wall-clock time, and at 100 ms
    // it only measured how loaded the machine was.
    private static readonly Regex Parts = new(@"^(?:(?<w>[0-9]+)\s*w\s*)?(?:(?<d>[0-9]+)\s*d\s*)?(?:(?<h>[0-9]+)\s*h\s*)?(?:(?<m>[0-9]+)\s*m\s*)?(?:(?<s>[0-9]+)\s*s)?$", RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);

    private static readonly string MaxText = "36500d";

    public static bool TryParse(string text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>
    /// Reads a duration. <paramref name="problem"/> says why a text that looks like a duration is
    /// refused (too long, digits other than 0-9); it is null when the text is simply not a duration.
    /// Never throws.
    /// </summary>
    public static bool TryParse(string text, out TimeSpan value, out string? problem)
    {
        value = default;
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        if (NumberText.HasNonAsciiDigit(text))
        {
            problem = NumberText.NonAsciiDigitProblem;
            return false;
        }

        var match = Parts.Match(text.Trim());
        if (match.Success && match.Value.Length > 0)
        {
            // Summed in decimal, which cannot overflow for 40 characters of digits only when each
            // part is short; a part of more than 15 digits is out of range whatever its unit.
            decimal seconds = 0;
            foreach (var (name, unit) in Units)
            {
                var group = match.Groups[name];
                if (!group.Success)
                {
                    continue;
                }

                if (group.Value.TrimStart('0').Length > 15)
                {
                    problem = OutOfRange;
                    return false;
                }

                seconds += long.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) * (decimal)unit;
            }

            if (seconds > (decimal)MaxValue.TotalSeconds)
            {
                problem = OutOfRange;
                return false;
            }

            value = TimeSpan.FromSeconds((double)seconds);
            return true;
        }

        // hh:mm or hh:mm:ss (or d.hh:mm:ss). A bare number is refused: "30" could mean minutes or
        // days, and TimeSpan would read it as days.
        if (text.IndexOf(':') > 0 && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var clock) && clock >= TimeSpan.Zero)
        {
            if (clock > MaxValue)
            {
                problem = OutOfRange;
                return false;
            }

            value = clock;
            return true;
        }

        return false;
    }

    private static readonly (string Name, long Seconds)[] Units = { ("w", 7 * 86_400), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1) };

    private static string OutOfRange => $"is longer than the longest duration allowed ({MaxText}, about a hundred years)";

    /// <summary>The shortest text that <see cref="TryParse(string, out TimeSpan)"/> reads back as the same duration.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0m";
        }

        var text = "";
        if (value.Days > 0)
        {
            text += value.Days + "d";
        }

        if (value.Hours > 0)
        {
            text += value.Hours + "h";
        }

        if (value.Minutes > 0)
        {
            text += value.Minutes + "m";
        }

        if (value.Seconds > 0)
        {
            text += value.Seconds + "s";
        }

        return text;
    }
}
