namespace ServicePolicy.Compilation;

using System.Text.RegularExpressions;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// The <c>matches</c> condition. Patterns run on .NET's non-backtracking engine, whose matching time
/// grows linearly with the text whatever the pattern, so no pattern can make a decision hang; the
/// constructs that engine cannot run (back-references, lookarounds, atomic groups, conditionals)
/// are refused when the policy is compiled. Each list element is checked against the decision's
/// one time budget.
/// </summary>
internal static class RegexCondition
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>The compiled pattern, or null with the reason it cannot be used.</summary>
    public static Regex? TryCreate(string pattern, TimeSpan matchTimeout, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, Options, matchTimeout);
        }
        catch (NotSupportedException ex)
        {
            error = $"`{pattern}` cannot be matched in linear time ({ex.Message}); `matches` accepts no back-references, lookarounds, atomic groups or conditionals.";
        }
        catch (ArgumentException ex)
        {
            error = $"`{pattern}` is not a valid regular expression: {ex.Message}";
        }

        return null;
    }

    /// <summary>True when the value (or one element of a list) matches; a value that is not text sets <paramref name="wrong"/>.</summary>
    public static bool IsMatch(Regex regex, in FieldValue value, ref bool wrong)
    {
        if (value.IsMissingOrNull)
        {
            return false;
        }

        if (value.Kind == ValueKind.List)
        {
            foreach (var element in ListElements.Of(value))
            {
                DecisionDeadline.ThrowIfPassed();
                if (element.AsText() is { } item && regex.IsMatch(item))
                {
                    return true;
                }
            }

            return false;
        }

        var text = value.AsText();
        if (text == null)
        {
            wrong = true;
            return false;
        }

        DecisionDeadline.ThrowIfPassed();
        return regex.IsMatch(text);
    }
}
