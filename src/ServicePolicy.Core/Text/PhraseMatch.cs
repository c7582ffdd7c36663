namespace ServicePolicy.Core.Text;

/// <summary>What a phrase of the policy's text rules stands for.</summary>
public enum PhraseKind
{
    /// <summary>An exaggerated or false sales claim (P3).</summary>
    Claim,

    /// <summary>A disrespectful word or phrase (P7).</summary>
    Disrespectful,

    /// <summary>A promise of a follow-up, which needs a deadline (P3, P4).</summary>
    Promise,
}

/// <summary>One occurrence of a policy phrase (or pattern) in a text.</summary>
public readonly struct PhraseMatch : IEquatable<PhraseMatch>
{
    public PhraseMatch(PhraseKind kind, string phrase, string language, int start, int length, string patternId = "")
    {
        Kind = kind;
        Phrase = phrase;
        Language = language;
        Start = start;
        Length = length;
        PatternId = patternId;
    }

    public PhraseKind Kind { get; }

    /// <summary>The phrase as written in the policy; for a pattern, the pattern's id.</summary>
    public string Phrase { get; }

    /// <summary>The language list the phrase came from (en, es...); empty for patterns, which belong to no language.</summary>
    public string Language { get; }

    /// <summary>Where the match starts in the ORIGINAL text (not the normalised one).</summary>
    public int Start { get; }

    /// <summary>How many characters of the ORIGINAL text the match covers.</summary>
    public int Length { get; }

    /// <summary>The id of the pattern that matched, or empty for a word phrase.</summary>
    public string PatternId { get; }

    public bool IsPattern => PatternId.Length > 0;

    /// <summary>The matched part of <paramref name="original"/>, the text that was scanned.</summary>
    public string TextIn(string original) =>
        Start >= 0 && Length >= 0 && Start + Length <= original.Length ? original.Substring(Start, Length) : "";

    public bool Equals(PhraseMatch other) =>
        Kind == other.Kind && Start == other.Start && Length == other.Length && Phrase == other.Phrase && Language == other.Language && PatternId == other.PatternId;

    public override bool Equals(object? obj) => obj is PhraseMatch other && Equals(other);

    public override int GetHashCode() => ((((int)Kind * 397) ^ Start) * 397 ^ Length) * 397 ^ (Phrase?.GetHashCode() ?? 0);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} \"{Phrase}\"{(Language.Length > 0 ? " (" + Language + ")" : "")} at {Start}+{Length}";
}

/// <summary>The outcome of scanning one text: the matches, and whether a pattern ran out of time.</summary>
public readonly struct PhraseScanResult
{
    private readonly IReadOnlyList<PhraseMatch>? _matches;

    public PhraseScanResult(IReadOnlyList<PhraseMatch> matches, bool timedOut)
    {
        _matches = matches;
        TimedOut = timedOut;
    }

    /// <summary>Every match, ordered by position in the original text.</summary>
    public IReadOnlyList<PhraseMatch> Matches => _matches ?? Array.Empty<PhraseMatch>();

    /// <summary>
    /// True when a regular-expression pattern took longer than its time limit on this text. The
    /// pattern is then treated as not matching; callers decide what that means (the engine
    /// reports it, the analyzers stay silent).
    /// </summary>
    public bool TimedOut { get; }

    public bool HasMatches => Matches.Count > 0;

    /// <summary>The matches of one kind.</summary>
    public IEnumerable<PhraseMatch> OfKind(PhraseKind kind) => Matches.Where(m => m.Kind == kind);
}
