namespace ServicePolicy.Core.Text;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

/// <summary>
/// The one normalisation applied to customer-facing text and to the policy's phrases before they
/// are compared, by the runtime engine and by the analyzers alike:
/// <list type="number">
/// <item>Unicode compatibility decomposition (NFKD), so that "ﬁ" is "fi", full-width and
/// mathematical letters are plain letters, and an accented letter is its base letter plus a mark;</item>
/// <item>combining marks and invisible format characters (zero-width spaces, soft hyphens) are
/// dropped, so "garantízado" is "garantizado" and "ё" is "е";</item>
/// <item>case folding with <see cref="char.ToLowerInvariant"/> (plus ß to ss and dotless ı to i);</item>
/// <item>typographic apostrophes and quotes become ' and ", every kind of dash becomes -;</item>
/// <item>every run of white space (including line breaks and non-breaking spaces) becomes one space.</item>
/// </list>
/// Each step works character by character, so every normalised character can be traced back to
/// the original character it came from (see <see cref="NormalizedText"/>).
/// </summary>
public static class TextNormalizer
{
    // Folds of characters below this bound are cached after the first use: it covers Latin,
    // Greek, Cyrillic and general punctuation, i.e. nearly every character of the supported
    // languages, so the common path does no string work at all.
    private const int CacheSize = 0x3000;
    private static readonly string?[] FoldCache = new string?[CacheSize];

    [ThreadStatic]
    private static NormalizedText? _scratch;

    /// <summary>The normalised form of <paramref name="text"/> as a new string.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var buffer = _scratch ??= new NormalizedText();
        Normalize(text!, buffer);
        var result = buffer.Text;
        if (buffer.Length > 4096)
        {
            // Do not keep a huge buffer alive on the thread for the rest of its life.
            _scratch = null;
        }

        return result;
    }

    /// <summary>Normalises <paramref name="text"/> into <paramref name="into"/>, replacing what it held.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    public static void Normalize(string? text, NormalizedText into)
    {
        if (into == null)
        {
            throw new ArgumentNullException(nameof(into));
        }

        text ??= "";
        into.Reset(text, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (c == '&' && TrySkipEntity(text, i, into, out var entityEnd))
                {
                    i = entityEnd - 1;
                    continue;
                }

                AppendAscii(into, c, i);
                continue;
            }

            if (c >= CacheSize)
            {
                // Styled letters and invisible fillers outside the cached range (full-width,
                // mathematical, tag characters...), folded by table whether or not ICU is present.
                var wide = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                var styled = LetterFolding.Fold(wide ? char.ConvertToUtf32(c, text[i + 1]) : c);
                if (styled != '\0')
                {
                    if (styled != LetterFolding.Drop)
                    {
                        into.Append(styled, i, wide ? i + 2 : i + 1);
                    }

                    i += wide ? 1 : 0;
                    continue;
                }
            }

            if (char.IsWhiteSpace(c))
            {
                AppendSpace(into, i);
                continue;
            }

            string fold;
            var end = i + 1;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Characters outside the basic plane are rare; mathematical bold letters
                // ("𝐠𝐮𝐚𝐫𝐚𝐧𝐭𝐞𝐞𝐝") are the case that matters, and NFKD turns them into plain letters.
                fold = Fold(text.Substring(i, 2));
                end = i + 2;
            }
            else if (c < CacheSize)
            {
                fold = FoldCache[c] ??= Fold(c.ToString());
            }
            else
            {
                fold = Fold(c.ToString());
            }

            if (fold.Length == 0)
            {
                // A dropped combining mark belongs to the letter before it.
                if (IsCombiningMark(c))
                {
                    into.ExtendLast(end);
                }
            }
            else
            {
                foreach (var folded in fold)
                {
                    if (folded == ' ')
                    {
                        AppendSpace(into, i);
                    }
                    else
                    {
                        into.Append(folded, i, end);
                    }
                }
            }

            i = end - 1;
        }

        WordRepair.Apply(into);
    }

    /// <summary>
    /// HTML text may hide a soft hyphen as an entity (<c>gu&amp;shy;aranteed</c>): <c>&amp;shy;</c>,
    /// <c>&amp;#173;</c> and <c>&amp;#xad;</c> are dropped like the character, <c>&amp;nbsp;</c> and
    /// <c>&amp;#160;</c> are a space.
    /// </summary>
    private static bool TrySkipEntity(string text, int at, NormalizedText into, out int end)
    {
        foreach (var (entity, space) in Entities)
        {
            if (at + entity.Length <= text.Length && string.Compare(text, at, entity, 0, entity.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                end = at + entity.Length;
                if (space)
                {
                    AppendSpace(into, at);
                }

                return true;
            }
        }

        end = at;
        return false;
    }

    private static readonly (string Entity, bool Space)[] Entities =
    {
        ("&shy;", false), ("&#173;", false), ("&#xad;", false), ("&nbsp;", true), ("&#160;", true), ("&#xa0;", true),
    };

    /// <summary>
    /// Removes accents (combining marks after canonical decomposition) and nothing else: case, ASCII
    /// and punctuation are kept. Used for regular expressions, whose escapes must not be touched.
    /// </summary>
    public static string StripAccents(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var ascii = true;
        foreach (var c in text!)
        {
            if (c >= 0x80)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text;
        }

        string decomposed;
        try
        {
            decomposed = UnicodeDecomposition.Decompose(text, NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Broken surrogates: leave the text alone; the regex engine will treat it literally.
            return text;
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category != UnicodeCategory.NonSpacingMark && category != UnicodeCategory.EnclosingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for characters that make up words: letters, digits, underscore and spacing marks.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category == UnicodeCategory.SpacingCombiningMark || category == UnicodeCategory.NonSpacingMark;
    }

    private static void AppendAscii(NormalizedText into, char c, int index)
    {
        if (c >= 'A' && c <= 'Z')
        {
            into.Append((char)(c + 32), index, index + 1);
        }
        else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        {
            AppendSpace(into, index);
        }
        else if (c == '`')
        {
            into.Append('\'', index, index + 1);
        }
        else if (c < ' ' || c == 0x7F)
        {
            // Other control characters are invisible to a reader: drop them.
        }
        else
        {
            into.Append(c, index, index + 1);
        }
    }

    private static void AppendSpace(NormalizedText into, int index)
    {
        if (into.Last != ' ')
        {
            into.Append(' ', index, index + 1);
        }
    }

    /// <summary>The fold of one character (or surrogate pair): NFKD, marks dropped, lower case, punctuation unified.</summary>
    private static string Fold(string character)
    {
        var codePoint = character.Length == 2 && char.IsSurrogatePair(character[0], character[1]) ? char.ConvertToUtf32(character[0], character[1]) : character[0];
        var styled = LetterFolding.Fold(codePoint);
        if (styled != '\0')
        {
            return styled == LetterFolding.Drop ? "" : styled.ToString();
        }

        var single = character.Length == 1 ? FoldPunctuation(character[0]) : '\0';
        if (single != '\0')
        {
            return single.ToString();
        }

        string decomposed;
        try
        {
            decomposed = UnicodeDecomposition.Decompose(character, NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; keep it as it is.
            return character;
        }

        var builder = new StringBuilder(decomposed.Length + 1);
        foreach (var part in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(part);
            if (category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark || category == UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(part))
            {
                builder.Append(' ');
                continue;
            }

            var punctuation = FoldPunctuation(part);
            if (punctuation != '\0')
            {
                builder.Append(punctuation);
                continue;
            }

            switch (part)
            {
                case 'ß':
                case 'ẞ':
                    builder.Append("ss");
                    break;
                case 'ı':
                    builder.Append('i');
                    break;
                case 'ё':
                case 'Ё':
                    // NFKD already splits ё into е and a diaeresis; kept for clarity and safety.
                    builder.Append('е');
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(part));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Typographic apostrophes, quotes and dashes folded to their ASCII form; '\0' for any other character.</summary>
    private static char FoldPunctuation(char c)
    {
        switch (c)
        {
            case '\u2018': // left single quotation mark
            case '\u2019': // right single quotation mark (the usual typographic apostrophe)
            case '\u201A': // single low-9 quotation mark
            case '\u201B': // single high-reversed-9 quotation mark
            case '\u2032': // prime
            case '\u02BC': // modifier letter apostrophe
            case '\u00B4': // acute accent used as an apostrophe
            case '\uFF07': // full-width apostrophe
            case '`':
                return '\'';
            case '\u201C':
            case '\u201D':
            case '\u201E':
            case '\u201F':
            case '\u2033':
            case '\u00AB': // «
            case '\u00BB': // »
            case '\u2039': // ‹
            case '\u203A': // ›
            case '\uFF02':
                return '"';
            case '\u2010': // hyphen
            case '\u2011': // non-breaking hyphen
            case '\u2012': // figure dash
            case '\u2013': // en dash
            case '\u2014': // em dash
            case '\u2015': // horizontal bar
            case '\u2212': // minus sign
            case '\uFE58':
            case '\uFE63':
            case '\uFF0D':
                return '-';
            default:
                return '\0';
        }
    }

    private static bool IsCombiningMark(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark;
    }
}
