namespace ServicePolicy.Cli.Docs;

using ServicePolicy.Core.Model;

/// <summary>A line of a condition rendered as an outline: its depth and its plain-language text.</summary>
public readonly record struct OutlineLine(int Depth, string Text);

/// <summary>
/// Renders a condition tree in plain language for reviewers: "`amount` is greater than 100",
/// "all of these hold:" with the parts beneath. The field names stay in code font so a reviewer
/// can find them in the policy.
/// </summary>
public static class ConditionText
{
    private static readonly IReadOnlyDictionary<string, string> OperatorWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["eq"] = "is",
        ["ne"] = "is not",
        ["gt"] = "is greater than",
        ["gte"] = "is at least",
        ["lt"] = "is less than",
        ["lte"] = "is at most",
        ["in"] = "is one of",
        ["not-in"] = "is none of",
        ["contains"] = "contains",
        ["not-contains"] = "does not contain",
        ["starts-with"] = "starts with",
        ["ends-with"] = "ends with",
        ["matches"] = "matches the pattern",
        ["exists"] = "is present",
        ["missing"] = "is missing",
        ["empty"] = "is empty",
        ["not-empty"] = "is not empty",
    };

    /// <summary>The condition as an outline (one line per test or group).</summary>
    public static IReadOnlyList<OutlineLine> Outline(Condition condition)
    {
        var lines = new List<OutlineLine>();
        Append(condition, 0, lines);
        return lines;
    }

    /// <summary>The condition on one line, for tables and diffs.</summary>
    public static string Inline(Condition? condition)
    {
        if (condition == null)
        {
            return "always";
        }

        var parts = Parts(condition);
        if (parts.Count == 1)
        {
            return parts[0].Kind == PartKind.Leaf ? Leaf(condition) : InlineGroup(parts[0]);
        }

        return "all of (" + string.Join("; ", parts.Select(p => p.Kind == PartKind.Leaf ? Leaf(condition) : InlineGroup(p))) + ")";
    }

    private static string InlineGroup(Part part)
    {
        var children = part.Children.Select(Inline).ToList();
        return part.Kind switch
        {
            PartKind.All => "all of (" + string.Join("; ", children) + ")",
            PartKind.Any => "any of (" + string.Join("; ", children) + ")",
            _ => "not (" + string.Join("; ", children) + ")",
        };
    }

    private static void Append(Condition condition, int depth, List<OutlineLine> lines)
    {
        var parts = Parts(condition);
        if (parts.Count > 1)
        {
            lines.Add(new OutlineLine(depth, "all of these hold:"));
            depth++;
        }

        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case PartKind.Leaf:
                    lines.Add(new OutlineLine(depth, Leaf(condition)));
                    break;
                case PartKind.All when part.Children.Count == 1:
                    Append(part.Children[0], depth, lines);
                    break;
                case PartKind.All:
                    lines.Add(new OutlineLine(depth, "all of these hold:"));
                    part.Children.ForEach(c => Append(c, depth + 1, lines));
                    break;
                case PartKind.Any:
                    lines.Add(new OutlineLine(depth, "at least one of these holds:"));
                    part.Children.ForEach(c => Append(c, depth + 1, lines));
                    break;
                default:
                    lines.Add(new OutlineLine(depth, "it is not the case that:"));
                    part.Children.ForEach(c => Append(c, depth + 1, lines));
                    break;
            }
        }
    }

    private static string Leaf(Condition condition)
    {
        var field = "`" + (condition.Field ?? "?") + "`";
        var op = condition.Op ?? "eq";
        var words = OperatorWords.TryGetValue(op, out var known) ? known : op;
        if (ConditionOperators.Unary.Contains(op) || condition.Value == null)
        {
            return $"{field} {words}";
        }

        return $"{field} {words} {Value(condition.Value)}";
    }

    /// <summary>A value as a reader sees it: lists as "a, b or c", text in quotes when it has spaces.</summary>
    public static string Value(PolicyValue value) => value.Kind switch
    {
        PolicyValueKind.Null => "nothing",
        PolicyValueKind.List when value.Items.Count == 0 => "(nothing)",
        PolicyValueKind.List when value.Items.Count == 1 => Value(value.Items[0]),
        PolicyValueKind.List => string.Join(", ", value.Items.Take(value.Items.Count - 1).Select(Value)) + " or " + Value(value.Items[^1]),
        PolicyValueKind.Map => "{" + string.Join(", ", value.Entries.Select(e => e.Key + ": " + Value(e.Value))) + "}",
        _ => Scalar(value.Scalar ?? ""),
    };

    /// <summary>A value as data (test inputs): lists in brackets, maps in braces.</summary>
    public static string Data(PolicyValue value) => value.Kind switch
    {
        PolicyValueKind.Null => "null",
        PolicyValueKind.List => "[" + string.Join(", ", value.Items.Select(Data)) + "]",
        PolicyValueKind.Map => "{" + string.Join(", ", value.Entries.Select(e => e.Key + ": " + Data(e.Value))) + "}",
        _ => Scalar(value.Scalar ?? ""),
    };

    private static string Scalar(string text) => text.Length == 0 || text.Contains(' ') ? "\"" + text + "\"" : text;

    private enum PartKind
    {
        Leaf,
        All,
        Any,
        Not,
    }

    private sealed record Part(PartKind Kind, List<Condition> Children);

    // A condition normally has exactly one of all/any/not/field; when an author wrote several,
    // they all have to hold, and the text says so.
    private static List<Part> Parts(Condition condition)
    {
        var parts = new List<Part>();
        if (condition.All != null)
        {
            parts.Add(new Part(PartKind.All, condition.All));
        }

        if (condition.Any != null)
        {
            parts.Add(new Part(PartKind.Any, condition.Any));
        }

        if (condition.Not != null)
        {
            parts.Add(new Part(PartKind.Not, new List<Condition> { condition.Not }));
        }

        if (condition.Field != null || parts.Count == 0)
        {
            parts.Add(new Part(PartKind.Leaf, new List<Condition>()));
        }

        return parts;
    }
}
