namespace ServicePolicy.Core.Text;

/// <summary>
/// The word endings of a language, grouped by paradigm, that let a phrase written once match its
/// inflected forms: "garantizado" also finds garantizada, garantizados and garantizadas; "идиот" also
/// finds идиота, идиоты, идиотами; "гарантируем" also finds гарантирую, гарантирует, гарантируют.
/// </summary>
/// <remarks>
/// <para>A phrase word is split into a stem and its own ending, every way the language's endings
/// allow ("предложение" is предложени-е and предложен-ие; "результат" is результат- and результ-ат),
/// keeping a stem of at least <see cref="MinimumStem"/> letters. The word then matches every text
/// word made of one of those stems plus an ending of a paradigm that holds the matching own ending.
/// The forms are listed once, when the policy is loaded, so a scan compares whole words.</para>
/// <para>Explicit endings rather than a stemmer: a stemmer maps both words to a shared stem and so
/// also joins words a compliance officer would keep apart (Snowball's Spanish stemmer reduces
/// "garantía", a warranty, and "garantizado" to the same stem; its Italian one reduces "garante" and
/// "garantito" alike). Matching the stem written in the policy plus a closed list of endings never
/// reaches a word with a different stem, keeps the analyzers free of dependencies, allocates nothing
/// and can list every form a phrase covers (<c>servicepolicy phrases</c>).</para>
/// <para>Only the four languages of the seed pack have endings; phrases of other languages match
/// their exact words (and the <c>*</c> wildcard).</para>
/// </remarks>
internal sealed class Inflection
{
    private static readonly Inflection English = new(
        "en",
        3,
        new[] { "", "s", "es" });

    private static readonly Inflection Spanish = new(
        "es",
        3,
        new[] { "o", "a", "os", "as" },                               // gender and number: garantizado, garantizadas
        new[] { "e", "es" },                                          // grande, grandes
        new[] { "", "es" },                                           // imbécil, imbéciles
        new[] { "o", "as", "a", "amos", "ais", "an" },                // -ar verbs, present: garantizo, garantizamos
        new[] { "o", "es", "e", "emos", "imos", "eis", "is", "en" }); // -er and -ir verbs, present

    private static readonly Inflection Italian = new(
        "it",
        3,
        new[] { "o", "a", "i", "e" },                                 // garantito, garantita, garantiti, garantite
        new[] { "e", "i" },                                           // imbecille, imbecilli
        new[] { "io", "i" },                                          // rischio, rischi
        new[] { "o", "i", "a", "iamo", "ate", "ete", "ite", "ano", "ono", "isco", "isci", "isce", "iscono" }); // present tense

    private static readonly Inflection Russian = new(
        "ru",
        3,
        new[]
        {
            // Nouns and adjectives in every case and number (one paradigm: the policy's words are
            // far apart enough that the extra forms are not words of their own).
            "", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "ой", "ей", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев", "ью",
            "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ую", "юю", "ых", "их", "ыми", "ими", "ою", "ею",
        },
        new[] { "у", "ю", "ем", "ешь", "ет", "ете", "ут", "ют", "им", "ишь", "ит", "ите", "ат", "ят" }, // present tense: гарантирую, гарантируем
        new[] { "л", "ла", "ло", "ли" },                                                               // past tense: говорил, говорила
        new[] { "и", "ите", "й", "йте", "ь", "ьте" },                                                  // imperative
        new[] { "ись", "итесь", "ься", "ьтесь" });                                                     // reflexive imperative: заткнись, заткнитесь

    private readonly string[][] _paradigms;
    private readonly string[] _endings;

    private Inflection(string language, int minimumStem, params string[][] paradigms)
    {
        Language = language;
        MinimumStem = minimumStem;
        // Endings are compared with normalised text, where й is и (its breve is a dropped mark).
        _paradigms = paradigms.Select(p => p.Select(TextNormalizer.Normalize).Distinct().ToArray()).ToArray();
        _endings = _paradigms.SelectMany(p => p).Where(e => e.Length > 0).Distinct().OrderByDescending(e => e.Length).ToArray();
    }

    /// <summary>The language these endings belong to.</summary>
    public string Language { get; }

    /// <summary>The fewest letters a stem keeps: shorter words ("el", "без", "non") only match themselves.</summary>
    public int MinimumStem { get; }

    /// <summary>The endings of a language (en, es, it, ru; region subtags ignored), or null for a language without them.</summary>
    public static Inflection? For(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return null;
        }

        var primary = language!.Length > 2 && (language[2] == '-' || language[2] == '_') ? language.Substring(0, 2) : language;
        switch (primary.ToLowerInvariant())
        {
            case "en": return English;
            case "es": return Spanish;
            case "it": return Italian;
            case "ru": return Russian;
            default: return null;
        }
    }

    /// <summary>
    /// Every form of a normalised phrase word: for each ending of the language the word ends with
    /// (the empty ending included) that leaves a stem of at least <see cref="MinimumStem"/> letters,
    /// the stem plus every ending of the paradigms that hold that ending. Returns false when the word
    /// has no form but itself.
    /// </summary>
    public bool TryForms(string word, out string[] forms)
    {
        var all = new List<string> { word };
        foreach (var own in _endings.Concat(new[] { "" }))
        {
            if (word.Length - own.Length < MinimumStem || !word.EndsWith(own, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = word.Substring(0, word.Length - own.Length);
            var endings = new List<string>();
            foreach (var paradigm in _paradigms)
            {
                if (Array.IndexOf(paradigm, own) >= 0)
                {
                    endings.AddRange(paradigm);
                }
            }

            all.AddRange(endings.Select(e => stem + e));
            if (Language == "ru" && own.Length > 0 && stem.EndsWith("нн", StringComparison.Ordinal) && Array.IndexOf(_paradigms[0], own) >= 0)
            {
                // Russian participles and adjectives in -нн- have short forms with one н: гарантированный,
                // гарантированно → гарантирован, гарантирована, гарантировано, гарантированы.
                var shortStem = stem.Substring(0, stem.Length - 1);
                all.AddRange(new[] { "", "а", "о", "ы" }.Select(e => shortStem + e));
            }
        }

        forms = all.Distinct().OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToArray();
        return forms.Length > 1;
    }

    /// <summary>True when text[start, start + length) is one of <paramref name="forms"/>.</summary>
    public static bool IsForm(string[] forms, char[] text, int start, int length)
    {
        foreach (var ending in forms)
        {
            if (ending.Length != length)
            {
                continue;
            }

            var same = true;
            for (var i = 0; i < length; i++)
            {
                if (text[start + i] != ending[i])
                {
                    same = false;
                    break;
                }
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }
}
