namespace ServicePolicy.Core.Validation;

/// <summary>A node of the small regular-expression tree that <see cref="RegexSafety"/> analyses.</summary>
internal abstract class RxNode
{
    protected RxNode(int position) => Position = position;

    /// <summary>Offset in the pattern where the node starts (0-based).</summary>
    public int Position { get; }
}

/// <summary>One character out of a set: a literal, a class, `.`, `\w` or a back-reference.</summary>
internal sealed class RxAtom : RxNode
{
    public RxAtom(RegexCharSet set, int position) : base(position) => Set = set;

    public RegexCharSet Set { get; }
}

/// <summary>Something that matches no characters: an anchor, a word boundary, a lookaround or an empty branch.</summary>
internal sealed class RxEmpty : RxNode
{
    public RxEmpty(int position) : base(position)
    {
    }
}

internal sealed class RxSequence : RxNode
{
    public RxSequence(List<RxNode> items, int position) : base(position) => Items = items;

    public List<RxNode> Items { get; }
}

internal sealed class RxAlternation : RxNode
{
    public RxAlternation(List<RxNode> branches, int position) : base(position) => Branches = branches;

    public List<RxNode> Branches { get; }
}

/// <summary>A group. Atomic groups never give back what they matched, so they stop backtracking.</summary>
internal sealed class RxGroup : RxNode
{
    public RxGroup(RxNode child, bool atomic, int position) : base(position)
    {
        Child = child;
        Atomic = atomic;
    }

    public RxNode Child { get; }
    public bool Atomic { get; }
}

internal sealed class RxQuantifier : RxNode
{
    public const int Unbounded = -1;

    public RxQuantifier(RxNode child, int min, int max, int position, int end) : base(position)
    {
        Child = child;
        Min = min;
        Max = max;
        End = end;
    }

    /// <summary>Offset just after the quantifier, so that the repeated part can be quoted.</summary>
    public int End { get; }

    public RxNode Child { get; }
    public int Min { get; }

    /// <summary>The most repetitions, or <see cref="Unbounded"/>.</summary>
    public int Max { get; }
}

/// <summary>A lookahead or lookbehind: matches no characters; its content is analysed on its own.</summary>
internal sealed class RxLookaround : RxNode
{
    public RxLookaround(RxNode child, int position) : base(position) => Child = child;

    public RxNode Child { get; }
}
