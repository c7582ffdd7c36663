namespace ServicePolicy.Core.Text;

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ServicePolicy.Core.Model;

/// <summary>
/// Finds a policy's banned claims, disrespectful terms and promise phrases in a text. The one
/// matcher behind both the runtime engine (<c>message.send</c>) and the analyzers (SP3001), so
/// that a phrase is found, or not found, the same way in both places.
/// </summary>
/// <remarks>
/// <para>Text and phrases are compared after <see cref="TextNormalizer"/> (accents, case,
/// typographic punctuation, white space), on word boundaries: "guaranteed" is found in
/// "GUARANTEED!" but "class" is not found in "classic". A trailing <c>*</c> on a word of a
/// phrase ("idiot*") matches every word that starts with it, for languages that inflect.</para>
/// <para>Phrases are prepared once: they are indexed by the length and hash of their first word,
/// so a scan hashes each word of the text once and compares only phrases whose first word has
/// the same hash. Patterns are compiled once with a time limit; a pattern that runs out of time
/// counts as not matching and the scan says so through <see cref="PhraseScanResult.TimedOut"/>.</para>
/// <para>An instance is immutable and safe to use from many threads.</para>
/// </remarks>
public sealed class PhraseMatcher
{
    /// <summary>The time a pattern may take on one text before it is given up.</summary>
    public static readonly TimeSpan DefaultPatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>A matcher that finds nothing.</summary>
    public static readonly PhraseMatcher Empty = new(Array.Empty<CompiledPhrase>(), Array.Empty<CompiledPattern>(), Array.Empty<string>());

    private static readonly char[] LanguageSeparators = { '-', '_' };

    [ThreadStatic]
    private static NormalizedText? _buffer;

    [ThreadStatic]
    private static List<PhraseMatch>? _scratch;

    private readonly Dictionary<long, CompiledPhrase[]> _byFirstWord;
    private readonly Dictionary<long, CompiledPhrase[]> _byFirstWordPrefix;
    private readonly ulong _prefixLengths;
    private readonly CompiledPhrase[] _scanEverywhere;
    private readonly CompiledPattern[] _patterns;
    private readonly HashSet<string> _languages;

    private PhraseMatcher(IReadOnlyList<CompiledPhrase> phrases, CompiledPattern[] patterns, IReadOnlyList<string> problems)
    {
        _patterns = patterns;
        Problems = problems;
        PhraseCount = phrases.Count;
        var exact = new Dictionary<long, List<CompiledPhrase>>();
        var prefix = new Dictionary<long, List<CompiledPhrase>>();
        var everywhere = new List<CompiledPhrase>();
        foreach (var phrase in phrases)
        {
            HasQuoteOrBackslash |= Array.IndexOf(phrase.Chars, '"') >= 0 || Array.IndexOf(phrase.Chars, '\\') >= 0;
            if (phrase.FirstWordLength == 0 || (phrase.FirstWordIsPrefix && phrase.FirstWordLength >= 64))
            {
                // No word to index by ("!!!"), or a prefix too long for the length mask: tried at
                // every position instead. Both are rare.
                everywhere.Add(phrase);
                continue;
            }

            if (phrase.FirstWordForms != null)
            {
                // An inflected first word: the phrase is looked up under every form of it.
                foreach (var form in phrase.FirstWordForms)
                {
                    var formKey = PhraseHash.Key(form.Length, PhraseHash.Of(form.ToCharArray(), 0, form.Length));
                    if (!exact.TryGetValue(formKey, out var formBucket))
                    {
                        exact[formKey] = formBucket = new List<CompiledPhrase>();
                    }

                    if (!formBucket.Contains(phrase))
                    {
                        formBucket.Add(phrase);
                    }
                }

                continue;
            }

            var index = phrase.FirstWordIsPrefix ? prefix : exact;
            var key = PhraseHash.Key(phrase.FirstWordLength, phrase.FirstWordHash);
            if (!index.TryGetValue(key, out var bucket))
            {
                index[key] = bucket = new List<CompiledPhrase>();
            }

            bucket.Add(phrase);
            if (phrase.FirstWordIsPrefix)
            {
                _prefixLengths |= 1UL << phrase.FirstWordLength;
            }
        }

        _byFirstWord = exact.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _byFirstWordPrefix = prefix.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _scanEverywhere = everywhere.ToArray();
        _languages = new HashSet<string>(phrases.SelectMany(p => p.Languages), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Phrases and patterns that could not be used (empty after normalisation, invalid regular expression).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Number of distinct phrases (after normalisation) the matcher looks for.</summary>
    public int PhraseCount { get; }

    /// <summary>
    /// Whether a phrase holds a double quote (typographic quotes included) or a backslash: the only
    /// characters a C# literal's <c>\"</c> and <c>\\</c> escapes stand for. Without them, text holding such
    /// escapes has a phrase exactly where its unescaped value has one.
    /// </summary>
    public bool HasQuoteOrBackslash { get; }

    /// <summary>Number of regular-expression patterns the matcher runs.</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>Builds the matcher for a policy's text rules.</summary>
    public static PhraseMatcher Create(TextRules rules, TimeSpan? patternTimeout = null)
    {
        if (rules == null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        var phrases = new List<(PhraseKind, string, string)>();
        Add(rules.Claims, PhraseKind.Claim);
        Add(rules.Disrespectful, PhraseKind.Disrespectful);
        Add(rules.Promises, PhraseKind.Promise);
        return Create(phrases, rules.Patterns, patternTimeout);

        void Add(Dictionary<string, List<string>>? byLanguage, PhraseKind kind)
        {
            if (byLanguage == null)
            {
                return;
            }

            foreach (var language in byLanguage.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                foreach (var phrase in language.Value ?? new List<string>())
                {
                    phrases.Add((kind, phrase, language.Key));
                }
            }
        }
    }

    /// <summary>Builds a matcher from (kind, phrase, language) triples and patterns.</summary>
    public static PhraseMatcher Create(IEnumerable<(PhraseKind Kind, string Phrase, string Language)> phrases, IEnumerable<TextPattern>? patterns = null, TimeSpan? patternTimeout = null)
    {
        var problems = new List<string>();
        var compiled = new List<CompiledPhrase>();
        var byKey = new Dictionary<(PhraseKind, string), CompiledPhrase>();
        foreach (var (kind, text, language) in phrases)
        {
            var phrase = CompiledPhrase.Create(kind, text ?? "", language ?? "");
            if (phrase == null)
            {
                problems.Add($"The {KindName(kind)} phrase \"{text}\" ({language}) has nothing left to match after normalisation.");
                continue;
            }

            if (byKey.TryGetValue((kind, phrase.MatchKey), out var existing))
            {
                // The same word banned in two languages ("idiota" in Spanish and Italian) is looked
                // for once, and found for either language.
                if (!existing.Languages.Contains(phrase.Languages[0]))
                {
                    existing.Languages.Add(phrase.Languages[0]);
                }

                continue;
            }

            byKey[(kind, phrase.MatchKey)] = phrase;
            compiled.Add(phrase);
        }

        var timeout = patternTimeout ?? DefaultPatternTimeout;
        var compiledPatterns = new List<CompiledPattern>();
        foreach (var pattern in patterns ?? Array.Empty<TextPattern>())
        {
            if (pattern == null)
            {
                continue;
            }

            var compiledPattern = CompiledPattern.Create(pattern, timeout, out var problem);
            if (compiledPattern != null)
            {
                compiledPatterns.Add(compiledPattern);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        return new PhraseMatcher(compiled, compiledPatterns.ToArray(), problems);
    }

    /// <summary>
    /// Scans <paramref name="text"/>. With a <paramref name="language"/> (en, es, es-MX...), only
    /// that language's phrases are looked for (patterns always run); without one, every language's.
    /// </summary>
    public PhraseScanResult Scan(string? text, string? language = null)
    {
        var scratch = _scratch ??= new List<PhraseMatch>();
        scratch.Clear();
        var timedOut = Scan(text, scratch, language);
        if (scratch.Count == 0)
        {
            return new PhraseScanResult(Array.Empty<PhraseMatch>(), timedOut);
        }

        var matches = scratch.ToArray();
        scratch.Clear();
        return new PhraseScanResult(matches, timedOut);
    }

    /// <summary>
    /// Scans <paramref name="text"/> and appends the matches, in order of position, to
    /// <paramref name="into"/>; returns true when a pattern ran out of time. With a caller-owned
    /// list this does not allocate unless the policy has patterns.
    /// </summary>
    public bool Scan(string? text, List<PhraseMatch> into, string? language = null)
    {
        if (into == null)
        {
            throw new ArgumentNullException(nameof(into));
        }

        if (string.IsNullOrEmpty(text) || (PhraseCount == 0 && _patterns.Length == 0))
        {
            return false;
        }

        var filter = PrimaryLanguage(language);
        var buffer = _buffer ??= new NormalizedText();
        TextNormalizer.Normalize(text, buffer);
        return ScanNormalized(buffer, filter, into);
    }

    private bool ScanNormalized(NormalizedText buffer, string? filter, List<PhraseMatch> into)
    {
        var first = into.Count;
        FindPhrases(buffer, filter, into);
        var timedOut = _patterns.Length > 0 && FindPatterns(buffer, into);
        if (!IsOrdered(into, first))
        {
            // Word phrases are found in text order already; only patterns (and phrases that start
            // with punctuation) can come out of order. Sorting allocates, so it is skipped when
            // it would change nothing.
            into.Sort(first, into.Count - first, MatchOrder.Instance);
        }

        if (buffer.Length > 64 * 1024)
        {
            // Do not keep a huge buffer alive on the thread after a huge text.
            _buffer = null;
        }

        return timedOut;
    }

    /// <summary>
    /// Scans a customer message with the lists of its language plus the language-neutral list
    /// (<see cref="NeutralLanguage"/>); patterns always run. The language is
    /// <paramref name="declaredLanguage"/> when given, else the one <see cref="LanguageDetector"/>
    /// recognises; when neither is known, or the policy has no lists for it, every list is used.
    /// <paramref name="language"/> says which lists were used and why.
    /// </summary>
    public bool ScanMessage(string? text, string? declaredLanguage, List<PhraseMatch> into, out MessageLanguage language)
    {
        if (into == null)
        {
            throw new ArgumentNullException(nameof(into));
        }

        var declared = PrimaryLanguage(declaredLanguage);
        if (string.IsNullOrEmpty(text) || (PhraseCount == 0 && _patterns.Length == 0))
        {
            language = declared != null ? new MessageLanguage(declared, MessageLanguageSource.Request) : new MessageLanguage(MessageLanguage.AllLanguages, MessageLanguageSource.Undetermined);
            return false;
        }

        var buffer = _buffer ??= new NormalizedText();
        TextNormalizer.Normalize(text, buffer);
        string? filter;
        if (declared != null)
        {
            filter = HasListFor(declared) ? declared : null;
            language = new MessageLanguage(filter ?? MessageLanguage.AllLanguages, MessageLanguageSource.Request);
        }
        else
        {
            var detected = LanguageDetector.Detect(buffer);
            filter = detected != null && HasListFor(detected) ? detected : null;
            language = filter != null ? new MessageLanguage(filter, MessageLanguageSource.Detected) : new MessageLanguage(MessageLanguage.AllLanguages, MessageLanguageSource.Undetermined);
        }

        return ScanNormalized(buffer, filter, into);
    }

    /// <summary>
    /// The words a phrase of <paramref name="language"/> matches, as the matcher compiles it: each
    /// inflected word as the list of its forms in parentheses, "(garantizado|garantizada|...)".
    /// Null when nothing is left of the phrase after normalisation.
    /// </summary>
    public static string? DescribeForms(string phrase, string language) => CompiledPhrase.Create(PhraseKind.Claim, phrase ?? "", language ?? "")?.Forms;

    /// <summary>The language key of a list that applies to every message, whatever its language.</summary>
    public const string NeutralLanguage = "any";

    /// <summary>True when the policy has phrases for <paramref name="language"/> (a primary subtag: en, es...).</summary>
    public bool HasListFor(string language) => _languages.Contains(language);

    /// <summary>True when the text holds at least one phrase or pattern of <paramref name="kind"/>.</summary>
    public bool Contains(string? text, PhraseKind kind, string? language = null)
    {
        foreach (var match in Scan(text, language).Matches)
        {
            if (match.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(HotPath.OptimizeAtOnce)]
    private void FindPhrases(NormalizedText buffer, string? language, List<PhraseMatch> into)
    {
        var chars = buffer.Chars;
        var length = buffer.Length;
        var i = 0;
        while (i < length)
        {
            if (!TextNormalizer.IsWordChar(chars[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            var hash = PhraseHash.Offset;
            while (i < length && TextNormalizer.IsWordChar(chars[i]))
            {
                hash = PhraseHash.Step(hash, chars[i]);
                i++;
                var soFar = i - wordStart;
                if (_prefixLengths != 0 && soFar < 64 && (_prefixLengths & (1UL << soFar)) != 0
                    && _byFirstWordPrefix.TryGetValue(PhraseHash.Key(soFar, hash), out var prefixed))
                {
                    TryAll(prefixed, buffer, wordStart, language, into);
                }
            }

            if (_byFirstWord.TryGetValue(PhraseHash.Key(i - wordStart, hash), out var candidates))
            {
                TryAll(candidates, buffer, wordStart, language, into);
            }
        }

        if (_scanEverywhere.Length > 0)
        {
            for (var position = 0; position < length; position++)
            {
                foreach (var phrase in _scanEverywhere)
                {
                    if (phrase.AppliesTo(language))
                    {
                        var end = phrase.MatchAt(chars, length, position);
                        if (end > position)
                        {
                            Add(phrase, buffer, position, end, language, into);
                        }
                    }
                }
            }
        }
    }

    private static void TryAll(CompiledPhrase[] candidates, NormalizedText buffer, int wordStart, string? language, List<PhraseMatch> into)
    {
        foreach (var phrase in candidates)
        {
            if (!phrase.AppliesTo(language))
            {
                continue;
            }

            var start = wordStart - phrase.Lead;
            var end = phrase.MatchAt(buffer.Chars, buffer.Length, start);
            if (end > start)
            {
                Add(phrase, buffer, start, end, language, into);
            }
        }
    }

    private static void Add(CompiledPhrase phrase, NormalizedText buffer, int start, int end, string? language, List<PhraseMatch> into)
    {
        buffer.MapToOriginal(start, end - start, out var originalStart, out var originalLength);
        var reported = phrase.Languages[0];
        if (language != null)
        {
            foreach (var own in phrase.Languages)
            {
                if (string.Equals(own, language, StringComparison.OrdinalIgnoreCase))
                {
                    reported = own;
                    break;
                }
            }
        }

        var match = new PhraseMatch(phrase.Kind, phrase.Original, reported, originalStart, originalLength);
        for (var i = into.Count - 1; i >= 0 && into[i].Start == originalStart; i--)
        {
            var samePhrase = string.Equals(into[i].Phrase, phrase.Original, StringComparison.Ordinal);
            if (into[i].Kind == phrase.Kind && into[i].Length == originalLength
                && (samePhrase || string.Equals(into[i].Language, reported, StringComparison.Ordinal)))
            {
                // One stretch of text is one finding per list. The same word in two language lists
                // ("idiota" in Spanish and Italian) is compiled once per language, and two phrases
                // of one list can share a form ("garantizado" and "garantizada" both cover
                // "garantizados"); the phrase written exactly as the text reads is the one
                // reported, else the first found.
                if (!samePhrase
                    && IsWrittenAs(buffer, start, end, phrase.Original)
                    && !IsWrittenAs(buffer, start, end, into[i].Phrase))
                {
                    into[i] = match;
                }

                return;
            }
        }

        into.Add(match);
    }

    /// <summary>Whether the normalised text between start and end reads exactly as the phrase, normalised alike (only met when two phrases share a stretch of text).</summary>
    private static bool IsWrittenAs(NormalizedText buffer, int start, int end, string phrase)
    {
        var written = TextNormalizer.Normalize(phrase);
        if (end - start != written.Length)
        {
            return false;
        }

        for (var i = 0; i < written.Length; i++)
        {
            if (buffer.Chars[start + i] != written[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool FindPatterns(NormalizedText buffer, List<PhraseMatch> into)
    {
        var timedOut = false;
        var text = buffer.Text;
        foreach (var pattern in _patterns)
        {
            var before = into.Count;
            try
            {
                for (var match = pattern.Regex.Match(text); match.Success; match = match.NextMatch())
                {
                    if (match.Length == 0)
                    {
                        continue;
                    }

                    buffer.MapToOriginal(match.Index, match.Length, out var originalStart, out var originalLength);
                    into.Add(new PhraseMatch(pattern.Kind, pattern.Id, "", originalStart, originalLength, pattern.Id));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that runs out of time has not matched; what it found so far is dropped
                // so that the result does not depend on how fast the machine happened to be.
                into.RemoveRange(before, into.Count - before);
                timedOut = true;
            }
        }

        return timedOut;
    }

    private static bool IsOrdered(List<PhraseMatch> matches, int first)
    {
        for (var i = first + 1; i < matches.Count; i++)
        {
            if (MatchOrder.Instance.Compare(matches[i - 1], matches[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string? PrimaryLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var trimmed = language!.Trim();
        var cut = trimmed.IndexOfAny(LanguageSeparators);
        return cut > 0 ? trimmed.Substring(0, cut) : trimmed;
    }

    internal static string KindName(PhraseKind kind) => kind switch
    {
        PhraseKind.Claim => "claim",
        PhraseKind.Disrespectful => "disrespectful",
        _ => "promise",
    };

    private sealed class MatchOrder : IComparer<PhraseMatch>
    {
        public static readonly MatchOrder Instance = new();

        public int Compare(PhraseMatch x, PhraseMatch y)
        {
            var byStart = x.Start.CompareTo(y.Start);
            if (byStart != 0)
            {
                return byStart;
            }

            var byLength = y.Length.CompareTo(x.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byKind = x.Kind.CompareTo(y.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(x.Phrase, y.Phrase);
        }
    }
}
