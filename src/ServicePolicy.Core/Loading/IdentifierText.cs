namespace ServicePolicy.Core.Loading;

using System.Globalization;

/// <summary>
/// Ids and names must read as what they are: no control characters and no invisible formatting
/// characters (a right-to-left override makes `allow-x` display as something else, a zero-width
/// space makes two ids that look alike differ). Free text (messages, phrases) is not checked:
/// there a zero-width joiner can be part of a word.
/// </summary>
internal static class IdentifierText
{
    private static readonly HashSet<string> IdentifierKeys = new(StringComparer.Ordinal)
    {
        "id", "name", "role", "action", "method", "standsFor", "purpose", "principle", "field",
        "needs", "categories", "recipients", "disable", "fields", "obligation", "include", "policy",
    };

    public static bool IsIdentifierKey(string? key) => key != null && IdentifierKeys.Contains(key);

    /// <summary>The index and a description of the first hidden character, or null.</summary>
    public static (int Index, string Description)? FindHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                var code = char.ConvertToUtf32(text, i);
                return (i, FormattableString.Invariant($"the invisible character U+{code:X4}"));
            }

            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                return (i, FormattableString.Invariant($"a lone surrogate U+{(int)text[i]:X4}"));
            }
        }

        return null;
    }
}
