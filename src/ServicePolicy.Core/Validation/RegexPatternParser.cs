namespace ServicePolicy.Core.Validation;

using System.Globalization;

/// <summary>
/// Parses a .NET regular expression (already known to be valid) into an <see cref="RxNode"/>
/// tree for the backtracking analysis. It over-approximates what it does not model (Unicode
/// categories, back-references, class subtraction) and gives up (returns null) on constructs it
/// does not understand, so an unusual pattern is never reported wrongly.
/// </summary>
internal sealed class RegexPatternParser
{
    /// <summary>Deeper group nesting than this is not analysed (and is reported by the caller).</summary>
    public const int MaxNesting = 100;

    private readonly string _pattern;
    private bool _ignoreCase;
    private bool _extended;
    private int _index;
    private int _depth;

    private RegexPatternParser(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _ignoreCase = ignoreCase;
    }

    public static RxNode? Parse(string pattern, bool ignoreCase)
    {
        // Options that can be switched on inline anywhere are applied to the whole pattern: a
        // wider character set can only make the analysis more cautious.
        var parser = new RegexPatternParser(pattern, ignoreCase || HasInlineOption(pattern, 'i'));
        parser._extended = HasInlineOption(pattern, 'x');
        try
        {
            var node = parser.ParseAlternation();
            return parser._index == pattern.Length ? node : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The deepest nesting of parentheses, escapes and classes taken into account.</summary>
    public static int NestingDepth(string pattern)
    {
        int depth = 0, deepest = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c == ')')
            {
                depth--;
            }
        }

        return deepest;
    }

    private static bool HasInlineOption(string pattern, char option)
    {
        for (var i = pattern.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            for (var j = i + 2; j < pattern.Length; j++)
            {
                var c = pattern[j];
                if (c == option)
                {
                    return true;
                }

                if (c == '-' || c == ':' || c == ')' || "imnsx".IndexOf(c) < 0)
                {
                    break;
                }
            }
        }

        return false;
    }

    private bool AtEnd => _index >= _pattern.Length;

    private char Peek => _pattern[_index];

    private RxNode ParseAlternation()
    {
        var start = _index;
        var branches = new List<RxNode> { ParseSequence() };
        while (!AtEnd && Peek == '|')
        {
            _index++;
            branches.Add(ParseSequence());
        }

        return branches.Count == 1 ? branches[0] : new RxAlternation(branches, start);
    }

    private RxNode ParseSequence()
    {
        var start = _index;
        var items = new List<RxNode>();
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            if (_extended && SkipExtendedWhitespace())
            {
                continue;
            }

            var atom = ParseAtom();
            if (atom != null)
            {
                items.Add(ParseQuantifiers(atom));
            }
        }

        return items.Count == 1 ? items[0] : new RxSequence(items, start);
    }

    private bool SkipExtendedWhitespace()
    {
        var c = Peek;
        if (char.IsWhiteSpace(c))
        {
            _index++;
            return true;
        }

        if (c == '#')
        {
            while (!AtEnd && Peek != '\n')
            {
                _index++;
            }

            return true;
        }

        return false;
    }

    private RxNode ParseQuantifiers(RxNode atom)
    {
        while (!AtEnd)
        {
            // With (?x), `a +` is `a+`: spaces and comments may stand between a part and its repeat.
            var beforeSpace = _index;
            while (_extended && !AtEnd && SkipExtendedWhitespace())
            {
            }

            if (AtEnd)
            {
                _index = beforeSpace;
                return atom;
            }

            int min, max;
            switch (Peek)
            {
                case '*': min = 0; max = RxQuantifier.Unbounded; _index++; break;
                case '+': min = 1; max = RxQuantifier.Unbounded; _index++; break;
                case '?': min = 0; max = 1; _index++; break;
                case '{' when TryReadBraces(out min, out max): break;
                default: _index = beforeSpace; return atom;
            }

            if (!AtEnd && Peek == '?')
            {
                _index++; // lazy: backtracks just as much when the match fails
            }

            atom = new RxQuantifier(atom, min, max, atom.Position, _index);
        }

        return atom;
    }

    private bool TryReadBraces(out int min, out int max)
    {
        min = max = 0;
        var close = _pattern.IndexOf('}', _index);
        if (close < 0)
        {
            return false;
        }

        var body = _pattern.Substring(_index + 1, close - _index - 1);
        var comma = body.IndexOf(',');
        var first = comma < 0 ? body : body.Substring(0, comma);
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (comma < 0)
        {
            max = min;
        }
        else if (comma == body.Length - 1)
        {
            max = RxQuantifier.Unbounded;
        }
        else if (!int.TryParse(body.Substring(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            return false;
        }

        _index = close + 1;
        return true;
    }

    private RxNode? ParseAtom()
    {
        var start = _index;
        var c = Peek;
        switch (c)
        {
            case '(':
                return ParseGroup();
            case '[':
                return new RxAtom(ParseClass(), start);
            case '.':
                _index++;
                return new RxAtom(RegexCharSet.Any(), start);
            case '^':
            case '$':
                _index++;
                return new RxEmpty(start);
            case '\\':
                return ParseEscape();
            default:
                _index++;
                return new RxAtom(RegexCharSet.Single(c, _ignoreCase), start);
        }
    }

    private RxNode? ParseGroup()
    {
        var start = _index;
        _index++;
        if (++_depth > MaxNesting)
        {
            throw new NotSupportedException();
        }

        var atomic = false;
        var zeroWidth = false;
        if (!AtEnd && Peek == '?')
        {
            _index++;
            if (AtEnd)
            {
                throw new NotSupportedException();
            }

            var kind = Peek;
            if (kind == ':')
            {
                _index++;
            }
            else if (kind == '>')
            {
                _index++;
                atomic = true;
            }
            else if (kind == '=' || kind == '!')
            {
                _index++;
                zeroWidth = true;
            }
            else if (kind == '<' && _index + 1 < _pattern.Length && (_pattern[_index + 1] == '=' || _pattern[_index + 1] == '!'))
            {
                _index += 2;
                zeroWidth = true;
            }
            else if (kind == '<' || kind == '\'')
            {
                var close = _pattern.IndexOf(kind == '<' ? '>' : '\'', _index + 1);
                if (close < 0)
                {
                    throw new NotSupportedException();
                }

                _index = close + 1;
            }
            else if (kind == '#')
            {
                var close = _pattern.IndexOf(')', _index);
                _index = close < 0 ? _pattern.Length : close + 1;
                _depth--;
                return null;
            }
            else if ("imnsx-".IndexOf(kind) >= 0)
            {
                while (!AtEnd && "imnsx-".IndexOf(Peek) >= 0)
                {
                    _index++;
                }

                if (AtEnd)
                {
                    throw new NotSupportedException();
                }

                if (Peek == ')')
                {
                    _index++;
                    _depth--;
                    return null; // an option switch, not a group
                }

                if (Peek != ':')
                {
                    throw new NotSupportedException();
                }

                _index++;
            }
            else
            {
                throw new NotSupportedException(); // conditionals and balancing groups
            }
        }

        var child = ParseAlternation();
        if (AtEnd || Peek != ')')
        {
            throw new NotSupportedException();
        }

        _index++;
        _depth--;
        if (zeroWidth)
        {
            // A lookaround matches no characters; what it contains is still checked on its own.
            return new RxLookaround(child, start);
        }

        return new RxGroup(child, atomic, start);
    }

    private RxNode ParseEscape()
    {
        var start = _index;
        _index++;
        if (AtEnd)
        {
            throw new NotSupportedException();
        }

        var c = Peek;
        _index++;
        switch (c)
        {
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
            case 'G':
                return new RxEmpty(start);
            case 'k':
                SkipName();
                return new RxAtom(RegexCharSet.Any(), start);
            default:
                if (c >= '1' && c <= '9')
                {
                    while (!AtEnd && char.IsDigit(Peek))
                    {
                        _index++;
                    }

                    return new RxAtom(RegexCharSet.Any(), start);
                }

                return new RxAtom(ReadEscapedSet(c), start);
        }
    }

    private void SkipName()
    {
        if (!AtEnd && (Peek == '<' || Peek == '\''))
        {
            var close = _pattern.IndexOf(Peek == '<' ? '>' : '\'', _index + 1);
            _index = close < 0 ? _pattern.Length : close + 1;
        }
    }

    /// <summary>The set of an escape whose letter has just been read (shared by classes and atoms).</summary>
    private RegexCharSet ReadEscapedSet(char c)
    {
        switch (c)
        {
            case 'd': return RegexCharSet.Digits();
            case 'D': return RegexCharSet.Digits().Complement();
            case 'w': return RegexCharSet.Word();
            case 'W': return RegexCharSet.Word().Complement();
            case 's': return RegexCharSet.Space();
            case 'S': return RegexCharSet.Space().Complement();
            case 'p':
            case 'P':
                var close = _pattern.IndexOf('}', _index);
                _index = close < 0 ? _pattern.Length : close + 1;
                return RegexCharSet.Any();
            case 'n': return RegexCharSet.Single('\n', false);
            case 't': return RegexCharSet.Single('\t', false);
            case 'r': return RegexCharSet.Single('\r', false);
            case 'f': return RegexCharSet.Single('\f', false);
            case 'v': return RegexCharSet.Single('\v', false);
            case 'e': return RegexCharSet.Single('\u001B', false);
            case 'a': return RegexCharSet.Single('\a', false);
            case 'x': return RegexCharSet.Single(ReadHex(2), _ignoreCase);
            case 'u': return RegexCharSet.Single(ReadHex(4), _ignoreCase);
            case 'c':
                if (!AtEnd)
                {
                    _index++;
                }

                return RegexCharSet.Any();
            case '0':
                while (!AtEnd && Peek >= '0' && Peek <= '7')
                {
                    _index++;
                }

                return RegexCharSet.Any();
            default:
                return RegexCharSet.Single(c, _ignoreCase);
        }
    }

    private char ReadHex(int digits)
    {
        if (_index + digits > _pattern.Length || !int.TryParse(_pattern.Substring(_index, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            throw new NotSupportedException();
        }

        _index += digits;
        return (char)code;
    }

    private RegexCharSet ParseClass()
    {
        _index++; // [
        var negated = !AtEnd && Peek == '^';
        if (negated)
        {
            _index++;
        }

        var set = new RegexCharSet();
        var first = true;
        while (!AtEnd && (Peek != ']' || first))
        {
            first = false;
            if (Peek == '-' && _index + 1 < _pattern.Length && _pattern[_index + 1] == '[')
            {
                // Subtraction [a-z-[aeiou]]: ignored, which only widens the set.
                _index++;
                ParseClass();
                continue;
            }

            var (low, lowSet) = ReadClassChar();
            if (lowSet == null && !AtEnd && Peek == '-' && _index + 1 < _pattern.Length && _pattern[_index + 1] != ']' && _pattern[_index + 1] != '[')
            {
                _index++;
                var (high, highSet) = ReadClassChar();
                if (highSet != null)
                {
                    set.Add(low, _ignoreCase);
                    set.Add('-', false);
                    set.UnionWith(highSet);
                }
                else
                {
                    set.AddRange(low, high, _ignoreCase);
                }
            }
            else if (lowSet != null)
            {
                set.UnionWith(lowSet);
            }
            else
            {
                set.Add(low, _ignoreCase);
            }
        }

        if (AtEnd)
        {
            throw new NotSupportedException();
        }

        _index++; // ]
        return negated ? set.Complement() : set;
    }

    /// <summary>One member of a class: a character, or (for \d, \w, \p{..}) a whole set.</summary>
    private (char Char, RegexCharSet? Set) ReadClassChar()
    {
        var c = Peek;
        _index++;
        if (c != '\\')
        {
            return (c, null);
        }

        if (AtEnd)
        {
            throw new NotSupportedException();
        }

        var escaped = Peek;
        _index++;
        switch (escaped)
        {
            case 'd':
            case 'D':
            case 'w':
            case 'W':
            case 's':
            case 'S':
            case 'p':
            case 'P':
            case 'c':
                return ('\0', ReadEscapedSet(escaped));
            case 'b': return ('\b', null);
            case 'n': return ('\n', null);
            case 't': return ('\t', null);
            case 'r': return ('\r', null);
            case 'f': return ('\f', null);
            case 'v': return ('\v', null);
            case 'e': return ('\u001B', null);
            case 'a': return ('\a', null);
            case 'x': return (ReadHex(2), null);
            case 'u': return (ReadHex(4), null);
            default:
                if (escaped >= '0' && escaped <= '9')
                {
                    // Octal codes: the exact character does not matter to the analysis, the
                    // widest answer is the safe one.
                    while (!AtEnd && Peek >= '0' && Peek <= '7')
                    {
                        _index++;
                    }

                    return ('\0', RegexCharSet.Any());
                }

                return (escaped, null);
        }
    }
}
