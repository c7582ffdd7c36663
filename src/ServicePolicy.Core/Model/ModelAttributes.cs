namespace ServicePolicy.Core.Model;

/// <summary>The key must be present in the YAML.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredKeyAttribute : Attribute
{
}

/// <summary>Plain-language help for a key, used in the JSON Schema, the format reference and error hints.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Field)]
public sealed class HelpAttribute : Attribute
{
    public HelpAttribute(string text) => Text = text;

    public string Text { get; }

    /// <summary>A small YAML example of the key, for the format reference.</summary>
    public string? Example { get; set; }
}

/// <summary>The string value must be one of these (as written in YAML).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllowedValuesAttribute : Attribute
{
    public AllowedValuesAttribute(params string[] values) => Values = values;

    public IReadOnlyList<string> Values { get; }
}
