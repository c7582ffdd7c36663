namespace ServicePolicy.Core.Loading;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>Durations as a compliance officer writes them: 30m, 4h, 2d, 1d12h, 1w; also hh:mm:ss.</summary>
/// <remarks>The JSON Schema mirrors this grammar in <c>Schema.JsonSchemaGenerator.DurationPattern</c>; change both together.</remarks>
public static class DurationParser
{
    // Matched against the trimmed text, every \s* follows a digit or a unit letter, so the engine never has two
    // ways to place a space and a match is linear in the text (at most 40 characters). So no match timeout:
    // one is wall-clock time, and at 100 ms it only measured how loaded the machine was (a test failed with it
    // while the CI machine also ran four builds).
    private static readonly Regex Parts = new(@"^(?:(?<w>\d+)\s*w\s*)?(?:(?<d>\d+)\s*d\s*)?(?:(?<h>\d+)\s*h\s*)?(?:(?<m>\d+)\s*m\s*)?(?:(?<s>\d+)\s*s)?$", RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var match = Parts.Match(text.Trim());
        if (match.Success && match.Value.Length > 0)
        {
            long Get(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = (((((Get("w") * 7) + Get("d")) * 24 + Get("h")) * 60) + Get("m")) * 60 + Get("s");
            if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }

            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        // hh:mm or hh:mm:ss. A bare number is refused: "30" could mean minutes or days, and
        // TimeSpan would read it as days.
        return text.IndexOf(':') > 0 && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    /// <summary>The shortest text that <see cref="TryParse"/> reads back as the same duration.</summary>
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
