namespace ServicePolicy.Core.Text;

/// <summary>
/// The last step of <see cref="TextNormalizer"/>: puts back together words that were split or
/// disguised on purpose (or by a text editor), working on the normalised characters in place:
/// <list type="bullet">
/// <item>a word hyphenated at a line break ("guaran-⏎teed") is one word;</item>
/// <item>three or more single letters separated by spaces, dots, hyphens, underscores or asterisks
/// ("g.u.a.r.a.n.t.e.e.d", "и д и о т") are one word;</item>
/// <item>in a word mixing Latin with Cyrillic or Greek letters, the minority's look-alike letters
/// become the majority's: a Cyrillic "а" typed in "guаranteed", or a Latin "o" in "идиoт" (a mixed
/// keyboard layout), no longer hides the word.</item>
/// </list>
/// Each character keeps the span of the original text it came from, so matches are still reported
/// where the user wrote them.
/// </summary>
internal static class WordRepair
{
    private const string CyrillicLookAlikes = "аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdԛqԝwѵvһhӏl";
    private const string GreekLookAlikes = "αaβbεeιiκkνvοoρpτtυuχx";
    private const string LatinLookAlikes = "aаbвcсeеhнkкmмoоpрtтxхyу";

    private static readonly Dictionary<char, char> ToLatin = Pairs(CyrillicLookAlikes + GreekLookAlikes);
    private static readonly Dictionary<char, char> ToCyrillic = Pairs(LatinLookAlikes);

    /// <summary>Repairs <paramref name="text"/> in place.</summary>
    public static void Apply(NormalizedText text)
    {
        var otherScript = Join(text);
        if (otherScript)
        {
            FixMixedScripts(text);
        }
    }

    /// <summary>Joins hyphenated and spaced-out words; returns whether any Cyrillic or Greek letter was seen.</summary>
    private static bool Join(NormalizedText text)
    {
        var chars = text.Chars;
        var length = text.Length;
        var otherScript = false;
        var write = 0;
        var read = 0;
        while (read < length)
        {
            var c = chars[read];
            otherScript |= c >= 0x370 && c < 0x530;
            if (c == '-' && write > 0 && char.IsLetter(chars[write - 1]) && IsLineBreakHyphen(text, read))
            {
                read += 2;
                continue;
            }

            if (char.IsLetter(c) && (read == 0 || !TextNormalizer.IsWordChar(chars[read - 1])))
            {
                var last = SpacedLettersEnd(chars, length, read);
                if (last > 0)
                {
                    // Keep only the letters of the run.
                    for (var i = read; i <= last; i++)
                    {
                        if (char.IsLetter(chars[i]))
                        {
                            otherScript |= chars[i] >= 0x370 && chars[i] < 0x530;
                            text.MoveTo(i, write++);
                        }
                    }

                    read = last + 1;
                    continue;
                }
            }

            if (write != read)
            {
                text.MoveTo(read, write);
            }

            write++;
            read++;
        }

        if (write != length)
        {
            text.Truncate(write);
        }

        return otherScript;
    }

    /// <summary>A '-' between letters whose following white space, in the original, holds a line break.</summary>
    private static bool IsLineBreakHyphen(NormalizedText text, int hyphen)
    {
        var chars = text.Chars;
        if (hyphen + 2 >= text.Length || chars[hyphen + 1] != ' ' || !char.IsLetter(chars[hyphen + 2]))
        {
            return false;
        }

        var original = text.Original;
        for (var i = text.OriginalEnd(hyphen); i < text.OriginalStart(hyphen + 2) && i < original.Length; i++)
        {
            if (original[i] == '\n' || original[i] == '\r')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// When a run of at least three single letters separated by one or two separator characters
    /// starts at <paramref name="start"/>, the index of its last letter; otherwise -1.
    /// </summary>
    private static int SpacedLettersEnd(char[] chars, int length, int start)
    {
        if (start + 1 >= length || !IsSeparator(chars[start + 1]))
        {
            return -1;
        }

        var letters = 1;
        var last = start;
        var gapStart = 0;
        var gapLength = 0;
        while (true)
        {
            var next = last + 1;
            var separators = 0;
            while (next < length && separators < 2 && IsSeparator(chars[next]))
            {
                next++;
                separators++;
            }

            if (separators == 0 || next >= length || !char.IsLetter(chars[next]) || (next + 1 < length && TextNormalizer.IsWordChar(chars[next + 1])))
            {
                break;
            }

            // The letters of a spelled-out word share one separator: in "a s.t.u.p.i.d" the article
            // "a" is not part of the word that follows.
            if (letters == 1)
            {
                gapStart = last + 1;
                gapLength = separators;
            }
            else if (!SameGap(chars, gapStart, gapLength, last + 1, separators))
            {
                break;
            }

            letters++;
            last = next;
        }

        return letters >= 3 ? last : -1;
    }

    private static bool SameGap(char[] chars, int first, int firstLength, int other, int otherLength)
    {
        if (firstLength != otherLength)
        {
            return false;
        }

        for (var i = 0; i < firstLength; i++)
        {
            if (chars[first + i] != chars[other + i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00B7';

    private static void FixMixedScripts(NormalizedText text)
    {
        var chars = text.Chars;
        var length = text.Length;
        var i = 0;
        while (i < length)
        {
            if (!TextNormalizer.IsWordChar(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            int latin = 0, other = 0, cyrillic = 0;
            while (i < length && TextNormalizer.IsWordChar(chars[i]))
            {
                var c = chars[i];
                if (c >= 'a' && c <= 'z')
                {
                    latin++;
                }
                else if (c >= 0x370 && c < 0x530)
                {
                    other++;
                    cyrillic += c >= 0x400 ? 1 : 0;
                }

                i++;
            }

            if (latin == 0 || other == 0)
            {
                continue;
            }

            // The script most of the word is written in wins; Greek only ever stands in for Latin.
            var map = cyrillic > latin ? ToCyrillic : ToLatin;
            for (var j = start; j < i; j++)
            {
                if (map.TryGetValue(chars[j], out var replacement))
                {
                    text.Replace(j, replacement);
                }
            }
        }
    }

    private static Dictionary<char, char> Pairs(string pairs)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            map[pairs[i]] = pairs[i + 1];
        }

        return map;
    }
}
