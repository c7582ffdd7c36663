namespace ServicePolicy.Core.Yaml;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

/// <summary>
/// Reads YAML text into a <see cref="YamlNode"/> tree, iteratively (no recursion, so deep nesting
/// cannot overflow the stack) and under <see cref="LoaderLimits"/>: depth, scalar length, and the
/// size that aliases expand to, checked as each node is closed so a "billion laughs" file is
/// refused after a few hundred events.
/// </summary>
public static class YamlTreeReader
{
    private sealed class Frame
    {
        public Frame(YamlNode node) => Node = node;

        public YamlNode Node { get; }
        public YamlNode? PendingKey { get; set; }
        public HashSet<string>? Keys { get; set; }
        public string? Anchor { get; set; }
    }

    /// <summary>Reads the first document. Returns null (and adds errors) when the text cannot be read within limits.</summary>
    public static YamlNode? Read(string text, string file, LoaderLimits limits, List<PolicyError> errors)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        long totalNodes = 0;
        var documents = 0;
        var lastPosition = new SourceLocation(file, 1, 1);

        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastPosition = Loc(file, current.End);
                switch (current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            errors.Add(new PolicyError(PolicyErrorCodes.YamlSyntax, "A policy file holds one YAML document; this file has a second one (after `---`). Split it into two files and include one from the other.", Loc(file, start.Start)));
                            return root;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case Scalar scalar:
                    {
                        if (scalar.Value.Length > limits.MaxScalarLength)
                        {
                            errors.Add(Limit(FormattableString.Invariant($"A value is {scalar.Value.Length:N0} characters long; the limit (MaxScalarLength) is {limits.MaxScalarLength:N0}."), Loc(file, scalar.Start)));
                            return null;
                        }

                        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
                        var node = YamlNode.Scalar(scalar.Value, quoted, Span(file, scalar.Start, scalar.End));
                        if (!Add(node, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value))
                        {
                            return null;
                        }

                        break;
                    }

                    case AnchorAlias alias:
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            errors.Add(new PolicyError(PolicyErrorCodes.YamlSyntax, $"The alias `*{alias.Value.Value}` refers to an anchor `&{alias.Value.Value}` that is not defined before it.", Loc(file, alias.Start), $"Define `&{alias.Value.Value}` on a value above, or write the value out instead of the alias."));
                            return null;
                        }

                        if (!Add(target, null, isAlias: true))
                        {
                            return null;
                        }

                        break;
                    }

                    case MappingStart mapping:
                        if (!Open(YamlNode.Mapping(Loc(file, mapping.Start)), mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart sequence:
                        if (!Open(YamlNode.Sequence(Loc(file, sequence.Start)), sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value))
                        {
                            return null;
                        }

                        break;
                    case MappingEnd:
                    case SequenceEnd:
                    {
                        var frame = stack.Pop();
                        var node = frame.Node;
                        node.Location = new SourceLocation(file, node.Location.Line, node.Location.Column, (int)current.End.Line, (int)current.End.Column);
                        if (frame.Anchor != null)
                        {
                            anchors[frame.Anchor] = node;
                        }

                        if (!Attach(node))
                        {
                            return null;
                        }

                        break;
                    }
                }
            }
        }
        catch (YamlException ex)
        {
            var location = ErrorLocation(text, file, ex);
            var (message, hint) = YamlSyntaxMessages.Explain(ex.Message, CharAt(text, ex.Start));
            errors.Add(new PolicyError(PolicyErrorCodes.YamlSyntax, message, location, hint));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // The parser throws these for a few malformed constructs (an empty verbatim tag `!<>`,
            // for one) instead of a YamlException: they are still syntax errors in the file.
            _ = ex;
            errors.Add(new PolicyError(PolicyErrorCodes.YamlSyntax, "The YAML could not be read past this point.", lastPosition, "Check that every `[`, `{` and quote opened before here is closed, and that the indentation is consistent."));
            return null;
        }

        if (root == null)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.YamlSyntax, "The file is empty: a policy starts with `apiVersion: servicepolicy/v1`.", new SourceLocation(file, 1, 1)));
        }

        return root;

        bool Open(YamlNode node, string? anchor)
        {
            if (stack.Count >= limits.MaxDepth)
            {
                errors.Add(Limit($"The file nests maps and lists more than {limits.MaxDepth} levels deep (limit MaxDepth).", node.Location));
                return false;
            }

            if (++totalNodes > limits.MaxNodes)
            {
                errors.Add(Limit(FormattableString.Invariant($"The file holds more than {limits.MaxNodes:N0} values (limit MaxNodes)."), node.Location));
                return false;
            }

            stack.Push(new Frame(node) { Anchor = anchor });
            return true;
        }

        bool Add(YamlNode node, string? anchor, bool isAlias = false)
        {
            if (anchor != null)
            {
                anchors[anchor] = node;
            }

            if (!isAlias && ++totalNodes > limits.MaxNodes)
            {
                errors.Add(Limit(FormattableString.Invariant($"The file holds more than {limits.MaxNodes:N0} values (limit MaxNodes)."), node.Location));
                return false;
            }

            return Attach(node, isAlias);
        }

        bool Attach(YamlNode node, bool isAlias = false)
        {
            if (isAlias)
            {
                // An alias stands for a whole copy of its anchor: count it so that nested aliases
                // that double at every level are refused long before they are expanded.
                totalNodes += node.ExpandedSize;
                if (totalNodes > limits.MaxNodes)
                {
                    errors.Add(Limit(FormattableString.Invariant($"Aliases in the file expand to more than {limits.MaxNodes:N0} values (limit MaxNodes); this looks like an alias bomb."), node.Location));
                    return false;
                }
            }

            if (stack.Count == 0)
            {
                root ??= node;
                return true;
            }

            var parent = stack.Peek();
            parent.Node.ExpandedSize += node.ExpandedSize;
            if (parent.Node.Kind == YamlNodeKind.Sequence)
            {
                parent.Node.Items.Add(node);
            }
            else if (parent.PendingKey == null)
            {
                if (node.Kind != YamlNodeKind.Scalar)
                {
                    errors.Add(new PolicyError(PolicyErrorCodes.WrongType, "A key must be a simple word, not a map or a list.", node.Location));
                    return false;
                }

                parent.PendingKey = node;
            }
            else
            {
                var key = parent.PendingKey;
                parent.PendingKey = null;
                if (!AddKey(parent, key.Value ?? ""))
                {
                    errors.Add(new PolicyError(PolicyErrorCodes.DuplicateKey, $"The key `{key.Value}` appears twice in the same map; the second one would silently replace the first.", key.Location, "Remove or rename one of them."));
                }
                else
                {
                    parent.Node.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, node));
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Records a key of a map; false when the map already has it. Policy maps are small, so a
    /// scan of the entries beats a hash set until a map grows past a few dozen keys.
    /// </summary>
    private static bool AddKey(Frame frame, string key)
    {
        const int ScanLimit = 24;
        if (frame.Keys == null)
        {
            var entries = frame.Node.Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                if (string.Equals(entries[i].Key.Value ?? "", key, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (entries.Count < ScanLimit)
            {
                return true;
            }

            frame.Keys = new HashSet<string>(entries.Select(e => e.Key.Value ?? ""), StringComparer.Ordinal);
        }

        return frame.Keys.Add(key);
    }

    private static PolicyError Limit(string message, SourceLocation location) =>
        new(PolicyErrorCodes.LimitExceeded, message, location, "Policies are small documents; if this file is genuine, raise the named limit in LoaderLimits.");

    private static SourceLocation Loc(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static SourceLocation Span(string file, Mark start, Mark end) =>
        new(file, (int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column), (int)Math.Max(1, end.Line), (int)Math.Max(1, end.Column));

    /// <summary>
    /// Where to point for a parser error. The parser marks the start of the construct it was
    /// reading; for a tab or a bad escape, the author needs the tab or the backslash itself.
    /// </summary>
    private static SourceLocation ErrorLocation(string text, string file, YamlException ex)
    {
        var message = ex.Message;
        if (message.IndexOf("unknown escape", StringComparison.OrdinalIgnoreCase) >= 0 && ex.End.Index > ex.Start.Index)
        {
            return Loc(file, ex.End);
        }

        if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            if (CharAt(text, ex.End) == '\t')
            {
                return Loc(file, ex.End);
            }

            var tab = FirstIndentationTab(text, (int)Math.Max(0, ex.Start.Index));
            if (tab.Line > 0)
            {
                return new SourceLocation(file, tab.Line, tab.Column);
            }
        }

        return Loc(file, ex.Start);
    }

    /// <summary>Line and column (1-based) of the first tab in a line's indentation at or after <paramref name="from"/>.</summary>
    private static (int Line, int Column) FirstIndentationTab(string text, int from)
    {
        int line = 1, lineStart = 0;
        var inIndentation = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                inIndentation = true;
                continue;
            }

            if (c == '\t' && inIndentation && i >= from)
            {
                return (line, i - lineStart + 1);
            }

            inIndentation &= c == ' ' || c == '\t';
        }

        return (0, 0);
    }

    /// <summary>The character at a parser mark (to recognise a tab), or null.</summary>
    private static char? CharAt(string text, Mark mark)
    {
        var index = mark.Index;
        return index >= 0 && index < text.Length ? text[(int)index] : null;
    }
}
