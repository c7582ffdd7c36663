namespace ServicePolicy.Core.Text;

/// <summary>
/// A policy phrase prepared once for matching: normalised, with its first word measured and
/// hashed so that the matcher only compares it where a text word with the same hash starts.
/// </summary>
internal sealed class CompiledPhrase
{
    /// <summary>Stands for a trailing <c>*</c> on a word ("idiot*"): any further word characters. Normalised text never holds it.</summary>
    internal const char Wildcard = '\0';

    /// <summary>Stands for an inflected word: one of the words of <see cref="Endings"/>, in order. Normalised text never holds it.</summary>
    internal const char Ending = '\uFFFF';

    private CompiledPhrase(PhraseKind kind, string original, char[] chars, string language, string[][] endings)
    {
        Kind = kind;
        Original = original;
        Chars = chars;
        Endings = endings;
        Languages = new List<string> { language };
        Lead = 0;
        while (Lead < chars.Length && !TextNormalizer.IsWordChar(chars[Lead]) && chars[Lead] != Ending)
        {
            Lead++;
        }

        var end = Lead;
        while (end < chars.Length && TextNormalizer.IsWordChar(chars[end]))
        {
            end++;
        }

        FirstWordForms = Lead < chars.Length && chars[Lead] == Ending ? endings[0] : null;
        FirstWordLength = FirstWordForms != null ? 1 : end - Lead;
        FirstWordIsPrefix = end < chars.Length && chars[end] == Wildcard;
        var last = chars[chars.Length - 1];
        EndsInWord = last == Wildcard || last == Ending || TextNormalizer.IsWordChar(last);
        StartsWithWord = Lead == 0 && FirstWordLength > 0;
        if (FirstWordForms != null)
        {
            // Indexed by each of its forms instead.
            FirstWordHash = 0;
            return;
        }

        FirstWordHash = PhraseHash.Of(chars, Lead, FirstWordLength);
    }

    public PhraseKind Kind { get; }

    /// <summary>The phrase as written in the policy.</summary>
    public string Original { get; }

    /// <summary>The normalised phrase, with <see cref="Wildcard"/> where a word ends in <c>*</c>.</summary>
    public char[] Chars { get; }

    /// <summary>For each <see cref="Ending"/> of <see cref="Chars"/>, in order, the forms of that word.</summary>
    public string[][] Endings { get; }

    /// <summary>When the first word inflects, its forms (the matcher indexes the phrase by each); otherwise null.</summary>
    public string[]? FirstWordForms { get; }

    /// <summary>Every language list the phrase appears in (the same word may be banned in Spanish and Italian).</summary>
    public List<string> Languages { get; }

    /// <summary>Characters before the first word character ("#1 choice" has one).</summary>
    public int Lead { get; }

    public int FirstWordLength { get; }

    /// <summary>True when the first word ends in <c>*</c> and so matches any word it begins.</summary>
    public bool FirstWordIsPrefix { get; }

    public uint FirstWordHash { get; }

    /// <summary>The phrase must not run into a following word character (word boundary on the right).</summary>
    public bool EndsInWord { get; }

    /// <summary>The phrase must not follow a word character (word boundary on the left).</summary>
    public bool StartsWithWord { get; }

    /// <summary>The normalised phrase as text (with <c>*</c> for wildcards), for comparisons and diagnostics.</summary>
    public string Key => new string(Chars).Replace(Wildcard, '*').Replace(Ending, '~');

    /// <summary>
    /// What makes two phrases the same for the matcher: their normalised text and, when a word
    /// inflects, its language (the same word takes other endings in another language).
    /// </summary>
    public string MatchKey => Endings.Length == 0 ? Key : Forms + "@" + Languages[0];

    /// <summary>The phrase with the forms each inflected word may take: "(garantizado|garantizada|...)".</summary>
    public string Forms
    {
        get
        {
            var builder = new System.Text.StringBuilder();
            var marker = 0;
            foreach (var c in Chars)
            {
                if (c == Wildcard)
                {
                    builder.Append('*');
                }
                else if (c == Ending)
                {
                    builder.Append('(').Append(string.Join("|", Endings[marker++])).Append(')');
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>Prepares a phrase; returns null when nothing is left of it after normalisation.</summary>
    public static CompiledPhrase? Create(PhraseKind kind, string phrase, string language)
    {
        var normalized = TextNormalizer.Normalize(phrase).Trim();
        if (normalized.Length == 0)
        {
            return null;
        }

        var chars = normalized.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            // `*` right after a word character and at the end of that word is a wildcard;
            // anywhere else ("f*ck") it is an ordinary character.
            var atWordEnd = i + 1 == chars.Length || !TextNormalizer.IsWordChar(chars[i + 1]);
            if (chars[i] == '*' && TextNormalizer.IsWordChar(chars[i - 1]) && atWordEnd)
            {
                chars[i] = Wildcard;
            }
        }

        return Inflect(kind, phrase, chars, language);
    }

    /// <summary>
    /// Replaces the ending of every word that inflects in <paramref name="language"/> by an
    /// <see cref="Ending"/> marker. A word written with a leading <c>=</c> ("=miracle"), ending in a
    /// <c>*</c> wildcard, or holding a digit is kept as written.
    /// </summary>
    private static CompiledPhrase Inflect(PhraseKind kind, string phrase, char[] chars, string language)
    {
        var inflection = Inflection.For(language);
        var output = new List<char>(chars.Length + 4);
        var endings = new List<string[]>();
        var i = 0;
        while (i < chars.Length)
        {
            var exact = chars[i] == '=' && i + 1 < chars.Length && TextNormalizer.IsWordChar(chars[i + 1]) && (i == 0 || !TextNormalizer.IsWordChar(chars[i - 1]));
            if (exact)
            {
                i++;
            }

            if (!TextNormalizer.IsWordChar(chars[i]))
            {
                output.Add(chars[i++]);
                continue;
            }

            var start = i;
            var hasDigit = false;
            while (i < chars.Length && TextNormalizer.IsWordChar(chars[i]))
            {
                hasDigit |= char.IsDigit(chars[i]);
                i++;
            }

            var word = new string(chars, start, i - start);
            var wildcard = i < chars.Length && chars[i] == Wildcard;
            if (inflection != null && !exact && !wildcard && !hasDigit && inflection.TryForms(word, out var forms))
            {
                output.Add(Ending);
                endings.Add(forms);
            }
            else
            {
                output.AddRange(word);
            }
        }

        return new CompiledPhrase(kind, phrase, output.ToArray(), language, endings.ToArray());
    }

    public bool AppliesTo(string? language)
    {
        if (language == null)
        {
            return true;
        }

        foreach (var own in Languages)
        {
            if (string.Equals(own, language, StringComparison.OrdinalIgnoreCase) || string.Equals(own, PhraseMatcher.NeutralLanguage, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tries the phrase at normalised position <paramref name="position"/> (where its lead
    /// characters start). Returns the end of the match, or -1.
    /// </summary>
    public int MatchAt(char[] text, int length, int position)
    {
        if (position < 0)
        {
            return -1;
        }

        if (StartsWithWord && position > 0 && TextNormalizer.IsWordChar(text[position - 1]))
        {
            return -1;
        }

        var j = position;
        var p = 0;
        var marker = 0;
        var chars = Chars;
        while (p < chars.Length)
        {
            var c = chars[p];
            if (c == Ending)
            {
                var wordEnd = j;
                while (wordEnd < length && TextNormalizer.IsWordChar(text[wordEnd]))
                {
                    wordEnd++;
                }

                if (!Inflection.IsForm(Endings[marker], text, j, wordEnd - j))
                {
                    return -1;
                }

                marker++;
                j = wordEnd;
                p++;
                continue;
            }

            if (c == Wildcard)
            {
                while (j < length && TextNormalizer.IsWordChar(text[j]))
                {
                    j++;
                }

                p++;
                continue;
            }

            if (c == ' ' || c == '-')
            {
                // Between words, a space and a hyphen are the same separator: "risk free" is
                // "risk-free", and a line break or a run of spaces is one space after normalisation.
                if (j >= length || (text[j] != ' ' && text[j] != '-'))
                {
                    return -1;
                }

                while (j < length && (text[j] == ' ' || text[j] == '-'))
                {
                    j++;
                }

                while (p < chars.Length && (chars[p] == ' ' || chars[p] == '-'))
                {
                    p++;
                }

                continue;
            }

            if (j >= length || text[j] != c)
            {
                return -1;
            }

            j++;
            p++;
        }

        if (EndsInWord && j < length && TextNormalizer.IsWordChar(text[j]))
        {
            return -1;
        }

        return j;
    }
}

/// <summary>FNV-1a over characters: cheap, incremental, good enough to bucket words (every hit is verified).</summary>
internal static class PhraseHash
{
    public const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Of(char[] chars, int start, int length)
    {
        var hash = Offset;
        for (var i = start; i < start + length; i++)
        {
            hash = Step(hash, chars[i]);
        }

        return hash;
    }

    /// <summary>The dictionary key of a word: its length and hash together.</summary>
    public static long Key(int length, uint hash) => ((long)length << 32) | hash;
}
