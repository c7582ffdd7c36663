namespace ServicePolicy.Core.Validation;

/// <summary>
/// An over-approximation of the characters a regular-expression atom can match, good enough to
/// ask "can these two parts match the same character?". ASCII is exact (two 64-bit masks);
/// other characters are kept as a small explicit set, or, for wide classes such as \w or [^a],
/// as kinds (letters and digits, spaces, anything else) so that \w and \s still never overlap.
/// </summary>
internal sealed class RegexCharSet
{
    private const int ExplicitLimit = 512;
    private const byte WordKind = 1;
    private const byte SpaceKind = 2;
    private const byte OtherKind = 4;
    private const byte AllKinds = WordKind | SpaceKind | OtherKind;

    private ulong _low;
    private ulong _high;
    private byte _nonAsciiKinds;
    private HashSet<char>? _nonAscii;

    public static RegexCharSet Single(char c, bool ignoreCase)
    {
        var set = new RegexCharSet();
        set.Add(c, ignoreCase);
        return set;
    }

    public static RegexCharSet Any() => new() { _low = ulong.MaxValue, _high = ulong.MaxValue, _nonAsciiKinds = AllKinds };

    public static RegexCharSet Digits()
    {
        var set = new RegexCharSet { _nonAsciiKinds = WordKind }; // \d also matches other scripts' digits
        set.AddRange('0', '9', false);
        return set;
    }

    public static RegexCharSet Word()
    {
        var set = new RegexCharSet { _nonAsciiKinds = WordKind };
        set.AddRange('a', 'z', false);
        set.AddRange('A', 'Z', false);
        set.AddRange('0', '9', false);
        set.Add('_', false);
        return set;
    }

    public static RegexCharSet Space()
    {
        var set = new RegexCharSet { _nonAsciiKinds = SpaceKind }; // non-breaking and other Unicode spaces
        foreach (var c in " \t\r\n\f\v")
        {
            set.Add(c, false);
        }

        return set;
    }

    public bool IsEmpty => _low == 0 && _high == 0 && _nonAsciiKinds == 0 && (_nonAscii == null || _nonAscii.Count == 0);

    public void Add(char c, bool ignoreCase)
    {
        AddOne(c);
        if (ignoreCase)
        {
            AddOne(char.ToLowerInvariant(c));
            AddOne(char.ToUpperInvariant(c));
        }
    }

    public void AddRange(char from, char to, bool ignoreCase)
    {
        if (to < from)
        {
            return;
        }

        if (to >= 128 && to - Math.Max(from, (char)128) > ExplicitLimit)
        {
            _nonAsciiKinds = AllKinds;
            to = (char)Math.Min((int)to, 127);
            if (from > to)
            {
                return;
            }
        }

        for (int c = from; c <= to; c++)
        {
            Add((char)c, ignoreCase);
        }
    }

    public void UnionWith(RegexCharSet other)
    {
        _low |= other._low;
        _high |= other._high;
        _nonAsciiKinds |= other._nonAsciiKinds;
        if (other._nonAscii != null)
        {
            foreach (var c in other._nonAscii)
            {
                AddOne(c);
            }
        }
    }

    /// <summary>
    /// The complement, for negated classes such as [^a-z] and \W. Outside ASCII, \W is exactly
    /// "not a letter or digit"; a class with explicit non-ASCII members is widened to anything.
    /// </summary>
    public RegexCharSet Complement()
    {
        var kinds = _nonAscii == null || _nonAscii.Count == 0 ? (byte)(~_nonAsciiKinds & AllKinds) : AllKinds;
        return new RegexCharSet { _low = ~_low, _high = ~_high, _nonAsciiKinds = kinds };
    }

    public bool Overlaps(RegexCharSet other)
    {
        if ((_low & other._low) != 0 || (_high & other._high) != 0 || (_nonAsciiKinds & other._nonAsciiKinds) != 0)
        {
            return true;
        }

        return ExplicitOverlap(this, other) || ExplicitOverlap(other, this)
            || (_nonAscii != null && other._nonAscii != null && _nonAscii.Overlaps(other._nonAscii));
    }

    private static bool ExplicitOverlap(RegexCharSet explicitSide, RegexCharSet kindSide)
    {
        if (explicitSide._nonAscii == null || kindSide._nonAsciiKinds == 0)
        {
            return false;
        }

        foreach (var c in explicitSide._nonAscii)
        {
            if ((KindOf(c) & kindSide._nonAsciiKinds) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static byte KindOf(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation
            ? WordKind
            : char.IsWhiteSpace(c) ? SpaceKind : OtherKind;

    private void AddOne(char c)
    {
        if (c < 64)
        {
            _low |= 1UL << c;
        }
        else if (c < 128)
        {
            _high |= 1UL << (c - 64);
        }
        else
        {
            _nonAscii ??= new HashSet<char>();
            _nonAscii.Add(c);
            if (_nonAscii.Count > ExplicitLimit)
            {
                foreach (var member in _nonAscii)
                {
                    _nonAsciiKinds |= KindOf(member);
                }

                _nonAscii = null;
            }
        }
    }
}
