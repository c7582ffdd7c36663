namespace ServicePolicy.Core.Yaml;

using ServicePolicy.Core.Model;

public enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>
/// A YAML node with its position. The policy reader works on this small tree rather than on
/// YamlDotNet's object model so that every limit is enforced while the tree is built.
/// </summary>
public sealed class YamlNode
{
    private YamlNode(YamlNodeKind kind, SourceLocation location)
    {
        Kind = kind;
        Location = location;
    }

    public YamlNodeKind Kind { get; }
    public SourceLocation Location { get; internal set; }

    /// <summary>Scalar text; null for a YAML null (<c>~</c>, <c>null</c> or nothing) when unquoted.</summary>
    public string? Value { get; private set; }
    public bool IsQuoted { get; private set; }

    // Created on first use: most nodes are scalars, and a large policy has tens of thousands.
    private List<YamlNode>? _items;
    private List<KeyValuePair<YamlNode, YamlNode>>? _entries;

    public List<YamlNode> Items => _items ??= new List<YamlNode>();
    public List<KeyValuePair<YamlNode, YamlNode>> Entries => _entries ??= new List<KeyValuePair<YamlNode, YamlNode>>();

    /// <summary>How many nodes this one stands for, aliases expanded.</summary>
    public long ExpandedSize { get; internal set; } = 1;

    public bool IsNull => Kind == YamlNodeKind.Scalar && !IsQuoted && (Value == null || Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public static YamlNode Scalar(string? value, bool quoted, SourceLocation location) =>
        new(YamlNodeKind.Scalar, location) { Value = value, IsQuoted = quoted };

    public static YamlNode Sequence(SourceLocation location) => new(YamlNodeKind.Sequence, location);

    public static YamlNode Mapping(SourceLocation location) => new(YamlNodeKind.Mapping, location);

    public string Describe() => Kind switch
    {
        YamlNodeKind.Mapping => "a map of keys",
        YamlNodeKind.Sequence => "a list",
        _ => IsNull ? "nothing" : $"the value `{Shorten(Value!)}`",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
}
