namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks the text rules: patterns are valid, backtracking-safe regular expressions; phrases are not blank.</summary>
public static class TextChecks
{
    public static void Check(ValidationContext context)
    {
        var text = context.Policy.Text;
        foreach (var pattern in text.Patterns)
        {
            if (pattern.HasKey("regex"))
            {
                // Patterns are matched case-insensitively after normalisation (see TextPattern).
                RegexChecks.Check(context, pattern.Regex, pattern.LocationOf("regex"), $"the text pattern `{pattern.Id}`", ignoreCase: true);
            }
        }

        CheckPhrases(context, text, text.Claims, "claims");
        CheckPhrases(context, text, text.Disrespectful, "disrespectful");
        CheckPhrases(context, text, text.Promises, "promises");
    }

    private static void CheckPhrases(ValidationContext context, TextRules text, Dictionary<string, List<string>> phrases, string key)
    {
        foreach (var pair in phrases)
        {
            if (pair.Value.Any(p => p.Trim().Length == 0))
            {
                context.Error(PolicyErrorCodes.InvalidValue, $"The `{key}` list for `{pair.Key}` has an empty phrase, which would match every message.", ValidationContext.EntryLocation(text, key, pair.Key), "Remove the empty item.");
            }
        }
    }
}
