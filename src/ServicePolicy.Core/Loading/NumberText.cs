namespace ServicePolicy.Core.Loading;

using System.Globalization;

/// <summary>
/// Numbers as a policy writes them: ASCII digits only, and a range check that says what went
/// wrong, so that a value too large for its field is a located error rather than a wrap, an
/// infinity or an exception. Never throws.
/// </summary>
public static class NumberText
{
    internal const string NonAsciiDigitProblem = "is written with digits other than 0-9; write numbers and durations with the ASCII digits 0-9";

    /// <summary>Whether the text holds a digit outside 0-9 (Arabic-Indic, Devanagari, full-width...).</summary>
    public static bool HasNonAsciiDigit(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F' && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A whole number; <paramref name="problem"/> says why a number-like text is refused, or is null.</summary>
    public static bool TryParseInt(string text, out int value, out string? problem)
    {
        problem = null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        problem = Diagnose(text, FormattableString.Invariant($"is outside the range of a whole number ({int.MinValue:N0} to {int.MaxValue:N0})"));
        return false;
    }

    /// <summary>An exact decimal number such as 100 or 49.90 (no exponent).</summary>
    public static bool TryParseDecimal(string text, out decimal value, out string? problem)
    {
        problem = null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // 1e400 or 29 nines: a number, only not one an amount can hold.
        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate);
        problem = HasNonAsciiDigit(text) ? NonAsciiDigitProblem
            : isNumber && Math.Abs(approximate) >= 1e28 ? "is too large for an amount (at most 28 digits before the decimal point)"
            : null;
        return false;
    }

    /// <summary>A finite floating-point number; 1e400 (which would read as infinity) is refused.</summary>
    public static bool TryParseDouble(string text, out double value, out string? problem)
    {
        problem = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (!double.IsInfinity(value) && !double.IsNaN(value))
            {
                return true;
            }

            value = 0;
            problem = "is too large to be a number (it would read as infinity)";
            return false;
        }

        problem = HasNonAsciiDigit(text) ? NonAsciiDigitProblem : null;
        return false;
    }

    private static string? Diagnose(string text, string outOfRange)
    {
        if (HasNonAsciiDigit(text))
        {
            return NonAsciiDigitProblem;
        }

        var body = text.Trim();
        var start = body.Length > 0 && (body[0] == '-' || body[0] == '+') ? 1 : 0;
        var digits = 0;
        for (var i = start; i < body.Length; i++)
        {
            if (body[i] >= '0' && body[i] <= '9')
            {
                digits++;
            }
            else
            {
                return null; // not a number at all: the caller's "must be a number" says it best
            }
        }

        return digits > 0 ? outOfRange : null;
    }
}
