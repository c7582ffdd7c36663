namespace ServicePolicy.Core.Text;

/// <summary>
/// Guesses the language of a customer message that does not declare one, among the four languages
/// the seed pack has lists for. Cyrillic letters outnumbering Latin ones mean Russian; otherwise
/// the most frequent function words of English, Spanish and Italian are counted, and a language wins
/// only with at least two of its words and a clear lead over the runner-up. When nothing wins the
/// answer is null, and the caller checks every language's lists (failing closed, not open).
/// </summary>
public static class LanguageDetector
{
    // Normalised (no accents, lower case). Words common to two languages ("la", "no", "con") are left
    // out: they would not tell the languages apart.
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "you", "your", "we", "is", "are", "to", "of", "for", "with", "this", "that", "our", "it",
        "be", "have", "will", "please", "can", "was", "on", "at", "my", "thank", "sorry", "by", "from", "has", "an",
    };

    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "el", "los", "las", "de", "que", "y", "en", "es", "su", "por", "para", "se", "lo", "del", "esta", "usted",
        "gracias", "nuestro", "nuestra", "pedido", "sus", "le", "muy", "ya", "al", "como", "hemos", "puede",
    };

    private static readonly HashSet<string> Italian = new(StringComparer.Ordinal)
    {
        "il", "gli", "di", "che", "e", "un", "per", "non", "si", "della", "sono", "lei", "suo", "ha", "alla", "nel",
        "grazie", "nostro", "nostra", "ordine", "abbiamo", "sua", "gia", "dal", "puo", "ci", "siamo",
    };

    /// <summary>The language of <paramref name="text"/> (en, es, it, ru), or null when it cannot be told.</summary>
    public static string? Detect(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normalized = new NormalizedText(text!.Length + 16);
        TextNormalizer.Normalize(text, normalized);
        return Detect(normalized);
    }

    /// <summary>The language of an already normalised text, or null when it cannot be told.</summary>
    public static string? Detect(NormalizedText text)
    {
        if (text == null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var chars = text.Chars;
        var length = text.Length;
        int cyrillic = 0, latin = 0, en = 0, es = 0, it = 0;
        var i = 0;
        while (i < length)
        {
            var c = chars[i];
            if (!TextNormalizer.IsWordChar(c))
            {
                i++;
                continue;
            }

            var start = i;
            var allLatin = true;
            while (i < length && TextNormalizer.IsWordChar(chars[i]))
            {
                var letter = chars[i];
                if (letter >= 0x400 && letter < 0x530)
                {
                    cyrillic++;
                    allLatin = false;
                }
                else if (letter >= 'a' && letter <= 'z')
                {
                    latin++;
                }
                else
                {
                    allLatin = false;
                }

                i++;
            }

            if (allLatin && i - start <= 7)
            {
                // Function words are short; longer words are not looked up at all.
                var word = new string(chars, start, i - start);
                en += English.Contains(word) ? 1 : 0;
                es += Spanish.Contains(word) ? 1 : 0;
                it += Italian.Contains(word) ? 1 : 0;
            }
        }

        if (cyrillic > latin)
        {
            return "ru";
        }

        var best = Math.Max(en, Math.Max(es, it));
        var second = en + es + it - best - Math.Min(en, Math.Min(es, it));
        if (best < 1 || best - second < 1)
        {
            return null;
        }

        return best == en ? "en" : best == es ? "es" : "it";
    }
}
