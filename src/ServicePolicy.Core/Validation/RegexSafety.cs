namespace ServicePolicy.Core.Validation;

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

/// <summary>
/// Tells whether a regular expression is valid and whether its shape invites catastrophic
/// backtracking, so that a policy cannot hand the engine a pattern that takes exponential time
/// on a crafted message. The analysis is structural, over the pattern's tree:
/// <list type="bullet">
/// <item>a repeated part that contains another repeat, where nothing mandatory separates the
/// inner repeats, such as <c>(a+)+</c>, <c>(a*)*</c> or <c>(\w+\s?)*</c> (while
/// <c>(\d+,)*</c> is fine: each round must end with a comma the digits cannot match);</item>
/// <item>a repeated choice whose options can match the same text, such as <c>(a|a)*</c>,
/// <c>(a|aa)*</c> or <c>(\w|\d)+</c>.</item>
/// </list>
/// It errs on the side of caution for what it cannot model. The engine still matches with a
/// timeout: this check is the first line of defence, not the only one.
/// </summary>
public static class RegexSafety
{
    /// <summary>A repeat bounded above this many rounds is treated like an unbounded one.</summary>
    private const int LargeRepeat = 10;

    private const int CacheLimit = 2048;

    private static readonly ConcurrentDictionary<string, RegexVerdict> CaseSensitiveCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, RegexVerdict> IgnoreCaseCache = new(StringComparer.Ordinal);

    /// <summary>Checks a pattern as the engine will use it (.NET syntax; case-insensitive when <paramref name="ignoreCase"/>).</summary>
    public static RegexVerdict Analyze(string pattern, bool ignoreCase = false)
    {
        if (pattern == null)
        {
            throw new ArgumentNullException(nameof(pattern));
        }

        // The loader runs inside every build (analyzers) and policies repeat their patterns:
        // remember verdicts, within a bound so a hostile stream of patterns cannot grow memory.
        var cache = ignoreCase ? IgnoreCaseCache : CaseSensitiveCache;
        if (cache.TryGetValue(pattern, out var known))
        {
            return known;
        }

        var verdict = AnalyzeUncached(pattern, ignoreCase);
        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        cache[pattern] = verdict;
        return verdict;
    }

    private static RegexVerdict AnalyzeUncached(string pattern, bool ignoreCase)
    {
        // Parsing a pattern nested thousands of groups deep costs stack in the .NET parser and in
        // ours; no honest pattern needs it.
        if (RegexPatternParser.NestingDepth(pattern) > RegexPatternParser.MaxNesting)
        {
            return new RegexVerdict(null, -1, $"nests groups more than {RegexPatternParser.MaxNesting} deep, which no real pattern needs", 0, Shorten(pattern));
        }

        var syntax = SyntaxErrorOf(pattern, ignoreCase);
        if (syntax.Message != null)
        {
            return new RegexVerdict(syntax.Message, syntax.Offset, null, -1, null);
        }

        var tree = RegexPatternParser.Parse(pattern, ignoreCase);
        if (tree == null)
        {
            return new RegexVerdict(null, -1, null, -1, null);
        }

        var finding = FindRisk(tree);
        if (finding == null)
        {
            return new RegexVerdict(null, -1, null, -1, null);
        }

        var (quantifier, reason) = finding.Value;
        var part = pattern.Substring(quantifier.Position, quantifier.End - quantifier.Position);
        return new RegexVerdict(null, -1, reason, quantifier.Position, Shorten(part));
    }

    private static (string? Message, int Offset) SyntaxErrorOf(string pattern, bool ignoreCase)
    {
        try
        {
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            _ = new Regex(pattern, options, TimeSpan.FromSeconds(1));
            return (null, -1);
        }
        catch (ArgumentException ex)
        {
            return PlainSyntaxError(ex.Message);
        }
    }

    /// <summary>.NET says "Invalid pattern 'a(' at offset 2. Not enough )'s."; keep the reason and the offset.</summary>
    private static (string Message, int Offset) PlainSyntaxError(string message)
    {
        var offset = -1;
        const string At = " at offset ";
        var at = message.IndexOf(At, StringComparison.Ordinal);
        if (at >= 0)
        {
            var end = at + At.Length;
            while (end < message.Length && char.IsDigit(message[end]))
            {
                end++;
            }

            if (int.TryParse(message.Substring(at + At.Length, end - at - At.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                offset = parsed;
            }

            message = message.Substring(Math.Min(message.Length, end)).TrimStart('.', ' ');
        }

        var firstLine = message.Split('\n')[0].Trim();
        if (firstLine.Length == 0)
        {
            firstLine = "the pattern cannot be read";
        }

        return (char.ToLowerInvariant(firstLine[0]) + firstLine.Substring(1).TrimEnd('.'), offset);
    }

    private static (RxQuantifier Quantifier, string Reason)? FindRisk(RxNode node)
    {
        // Iterative walk: every quantifier in the tree is a candidate, lookarounds and atomic
        // groups included (their content backtracks while they try to match).
        var pending = new Stack<RxNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            switch (current)
            {
                case RxQuantifier quantifier:
                    var reason = RiskOf(quantifier);
                    if (reason != null)
                    {
                        return (quantifier, reason);
                    }

                    pending.Push(quantifier.Child);
                    break;
                case RxSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Items[i]);
                    }

                    break;
                case RxAlternation alternation:
                    for (var i = alternation.Branches.Count - 1; i >= 0; i--)
                    {
                        pending.Push(alternation.Branches[i]);
                    }

                    break;
                case RxGroup group:
                    pending.Push(group.Child);
                    break;
                case RxLookaround look:
                    pending.Push(look.Child);
                    break;
            }
        }

        return null;
    }

    private static string? RiskOf(RxQuantifier quantifier)
    {
        if (!Repeats(quantifier))
        {
            return null;
        }

        var body = Unwrap(quantifier.Child);
        var branches = body is RxAlternation alternation ? alternation.Branches : new List<RxNode> { body };
        foreach (var branch in branches)
        {
            if (HasAmbiguousInnerRepeat(Flatten(branch)))
            {
                return "repeats a part that itself repeats, with nothing required between the inner repeats, so on a text that almost matches the matcher tries every way of splitting it; that takes exponential time";
            }
        }

        if (branches.Count > 1)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                for (var j = i + 1; j < branches.Count; j++)
                {
                    if (MayMatchSameText(branches[i], branches[j], branches))
                    {
                        return "repeats a choice whose options can match the same text, so on a text that almost matches the matcher tries every combination of options; that takes exponential time";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A repeat whose number of rounds is not fixed (a+, a?, a{1,5}), so it can give characters back to what follows.</summary>
    private static bool Varies(RxQuantifier quantifier) =>
        (quantifier.Max == RxQuantifier.Unbounded || quantifier.Max > quantifier.Min) && quantifier.Max != 1 && !AllChars(quantifier.Child).IsEmpty;

    /// <summary>
    /// A repeat of many rounds of something that consumes characters: a*, a+, (ab){2,}, (x?){1,50},
    /// and a bounded repeat of a bounded repeat whose rounds multiply past the limit, such as
    /// (a{1,10}){1,10} (up to a hundred rounds of `a`, split in every possible way).
    /// </summary>
    private static bool Repeats(RxQuantifier quantifier) =>
        (quantifier.Max == RxQuantifier.Unbounded || quantifier.Max > LargeRepeat
            || (quantifier.Max > 1 && (long)quantifier.Max * InnerRounds(quantifier.Child) > LargeRepeat))
        && !AllChars(quantifier.Child).IsEmpty;

    /// <summary>The most rounds of any varying repeat inside the node (int.MaxValue when unbounded; 1 when there is none).</summary>
    private static long InnerRounds(RxNode node)
    {
        long most = 1;
        foreach (var inner in SelfAndDescendants(node, enterAtomicGroups: false).OfType<RxQuantifier>())
        {
            if (Varies(inner))
            {
                most = Math.Max(most, inner.Max == RxQuantifier.Unbounded ? int.MaxValue : inner.Max);
            }
        }

        return most;
    }

    /// <summary>
    /// The node and every node inside it, walked with a stack rather than recursion so that a deeply
    /// nested pattern cannot overflow it. An atomic group never gives back what it matched, so a walk
    /// about backtracking may stop there.
    /// </summary>
    private static IEnumerable<RxNode> SelfAndDescendants(RxNode node, bool enterAtomicGroups)
    {
        var pending = new Stack<RxNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            switch (current)
            {
                case RxQuantifier quantifier:
                    pending.Push(quantifier.Child);
                    break;
                case RxSequence sequence:
                    sequence.Items.ForEach(pending.Push);
                    break;
                case RxAlternation alternation:
                    alternation.Branches.ForEach(pending.Push);
                    break;
                case RxGroup group when enterAtomicGroups || !group.Atomic:
                    pending.Push(group.Child);
                    break;
            }
        }
    }

    /// <summary>
    /// In one round of a repeat, an item that can itself repeat makes the rounds ambiguous unless
    /// another mandatory item of the round can never match what the repeating item matches.
    /// </summary>
    private static bool HasAmbiguousInnerRepeat(List<RxNode> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (!ContainsRepeat(items[i]))
            {
                continue;
            }

            var chars = AllChars(items[i]);
            var separated = false;
            for (var j = 0; j < items.Count && !separated; j++)
            {
                separated = j != i && !IsNullable(items[j]) && !AllChars(items[j]).Overlaps(chars);
            }

            if (!separated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two options of a repeated choice can match the same text (over-approximated).</summary>
    private static bool MayMatchSameText(RxNode first, RxNode second, List<RxNode> allBranches)
    {
        var a = Flatten(first);
        var b = Flatten(second);
        if (a.Count == 0 || b.Count == 0)
        {
            return false; // an empty option: .NET stops a loop on an empty round
        }

        var i = 0;
        for (; i < a.Count && i < b.Count; i++)
        {
            if (a[i] is RxAtom atomA && b[i] is RxAtom atomB)
            {
                if (!atomA.Set.Overlaps(atomB.Set))
                {
                    return false;
                }

                continue;
            }

            // Past a repeat or a nested choice, position-by-position comparison stops: they
            // overlap unless they cannot even start alike.
            return IsNullable(a[i]) || IsNullable(b[i]) || First(a[i]).Overlaps(First(b[i]));
        }

        if (a.Count == b.Count)
        {
            return true;
        }

        // One option is a prefix of the other (a|aa): the rest of the longer one could be read
        // as the start of another round.
        var rest = a.Count > b.Count ? a.Skip(i).ToList() : b.Skip(i).ToList();
        var restFirst = First(new RxSequence(rest, rest[0].Position));
        return IsNullable(new RxSequence(rest, rest[0].Position)) || allBranches.Any(branch => First(branch).Overlaps(restFirst));
    }

    private static RxNode Unwrap(RxNode node)
    {
        while (node is RxGroup { Atomic: false } group)
        {
            node = group.Child;
        }

        return node;
    }

    /// <summary>The items of a sequence, with plain groups opened and zero-width parts dropped.</summary>
    private static List<RxNode> Flatten(RxNode node)
    {
        var items = new List<RxNode>();
        Add(node);
        return items;

        void Add(RxNode current)
        {
            switch (Unwrap(current))
            {
                case RxSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        Add(item);
                    }

                    break;
                case RxEmpty:
                case RxLookaround:
                    break;
                case var other:
                    items.Add(other);
                    break;
            }
        }
    }

    /// <summary>True when the node holds a repeat of something non-empty that can give back characters (not behind an atomic group).</summary>
    private static bool ContainsRepeat(RxNode node) => node switch
    {
        RxQuantifier quantifier => Varies(quantifier) || ContainsRepeat(quantifier.Child),
        RxSequence sequence => sequence.Items.Any(ContainsRepeat),
        RxAlternation alternation => alternation.Branches.Any(ContainsRepeat),
        RxGroup group => !group.Atomic && ContainsRepeat(group.Child),
        _ => false,
    };

    private static bool IsNullable(RxNode node) => node switch
    {
        RxAtom => false,
        RxSequence sequence => sequence.Items.All(IsNullable),
        RxAlternation alternation => alternation.Branches.Any(IsNullable),
        RxGroup group => IsNullable(group.Child),
        RxQuantifier quantifier => quantifier.Min == 0 || IsNullable(quantifier.Child),
        _ => true,
    };

    /// <summary>The characters a match of the node can start with.</summary>
    private static RegexCharSet First(RxNode node)
    {
        var set = new RegexCharSet();
        switch (node)
        {
            case RxAtom atom:
                set.UnionWith(atom.Set);
                break;
            case RxSequence sequence:
                foreach (var item in sequence.Items)
                {
                    set.UnionWith(First(item));
                    if (!IsNullable(item))
                    {
                        break;
                    }
                }

                break;
            case RxAlternation alternation:
                foreach (var branch in alternation.Branches)
                {
                    set.UnionWith(First(branch));
                }

                break;
            case RxGroup group:
                set.UnionWith(First(group.Child));
                break;
            case RxQuantifier quantifier:
                set.UnionWith(First(quantifier.Child));
                break;
        }

        return set;
    }

    /// <summary>Every character the node can consume.</summary>
    private static RegexCharSet AllChars(RxNode node)
    {
        var set = new RegexCharSet();
        foreach (var atom in SelfAndDescendants(node, enterAtomicGroups: true).OfType<RxAtom>())
        {
            set.UnionWith(atom.Set);
        }

        return set;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
