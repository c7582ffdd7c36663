namespace ServicePolicy.Core.Model;

using System.Globalization;

/// <summary>
/// A free-form YAML value (scalar, list or map) kept with its location: condition values and test
/// inputs are data whose shape the policy author chooses.
/// </summary>
public sealed class PolicyValue
{
    private PolicyValue(PolicyValueKind kind, string? scalar, bool quoted, IReadOnlyList<PolicyValue>? items, IReadOnlyList<KeyValuePair<string, PolicyValue>>? entries, SourceLocation location)
    {
        Kind = kind;
        Scalar = scalar;
        IsQuoted = quoted;
        Items = items ?? Array.Empty<PolicyValue>();
        Entries = entries ?? Array.Empty<KeyValuePair<string, PolicyValue>>();
        Location = location;
    }

    public PolicyValueKind Kind { get; }

    /// <summary>The text of a scalar, as written (null for the YAML null).</summary>
    public string? Scalar { get; }

    /// <summary>True when the scalar was quoted, so <c>"true"</c> stays a string.</summary>
    public bool IsQuoted { get; }

    public IReadOnlyList<PolicyValue> Items { get; }
    public IReadOnlyList<KeyValuePair<string, PolicyValue>> Entries { get; }
    public SourceLocation Location { get; }

    public static PolicyValue Null(SourceLocation location = default) => new(PolicyValueKind.Null, null, false, null, null, location);
    public static PolicyValue FromScalar(string text, bool quoted, SourceLocation location = default) => new(PolicyValueKind.Scalar, text, quoted, null, null, location);
    public static PolicyValue FromList(IReadOnlyList<PolicyValue> items, SourceLocation location = default) => new(PolicyValueKind.List, null, false, items, null, location);
    public static PolicyValue FromMap(IReadOnlyList<KeyValuePair<string, PolicyValue>> entries, SourceLocation location = default) => new(PolicyValueKind.Map, null, false, null, entries, location);

    /// <summary>The value at a key of a map, or null.</summary>
    public PolicyValue? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Converts the value to plain .NET objects: null, bool, long, double, string, lists and
    /// ordered dictionaries. Unquoted scalars that read as booleans or numbers become them.
    /// </summary>
    public object? ToPlainObject()
    {
        switch (Kind)
        {
            case PolicyValueKind.Null:
                return null;
            case PolicyValueKind.Scalar:
                return IsQuoted ? Scalar : InterpretPlainScalar(Scalar!);
            case PolicyValueKind.List:
                return Items.Select(i => i.ToPlainObject()).ToList();
            default:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in Entries)
                {
                    map[entry.Key] = entry.Value.ToPlainObject();
                }

                return map;
        }
    }

    /// <summary>YAML 1.2 core schema reading of an unquoted scalar.</summary>
    public static object? InterpretPlainScalar(string text)
    {
        switch (text)
        {
            case "true": case "True": case "TRUE": return true;
            case "false": case "False": case "FALSE": return false;
            case "null": case "Null": case "NULL": case "~": case "": return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-' || text[0] == '+' || text[0] == '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        return text;
    }

    public override string ToString() => Kind switch
    {
        PolicyValueKind.Null => "null",
        PolicyValueKind.Scalar => Scalar!,
        PolicyValueKind.List => "[" + string.Join(", ", Items.Select(i => i.ToString())) + "]",
        _ => "{" + string.Join(", ", Entries.Select(e => e.Key + ": " + e.Value)) + "}",
    };
}

public enum PolicyValueKind
{
    Null,
    Scalar,
    List,
    Map,
}
