namespace ServicePolicy.Core.Loading;

/// <summary>
/// Limits that keep hostile or broken files from exhausting memory or time. Each error that a
/// limit causes names the limit, so an author knows which one to raise.
/// </summary>
public sealed class LoaderLimits
{
    public static LoaderLimits Default { get; } = new();

    /// <summary>Largest policy file, in bytes (default 4 MiB).</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of maps and lists (default 64).</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Longest single value, in characters (default 64 KiB).</summary>
    public int MaxScalarLength { get; set; } = 64 * 1024;

    /// <summary>Most values a file may stand for once its aliases are expanded (default 200,000): refuses "billion laughs".</summary>
    public int MaxNodes { get; set; } = 200_000;

    /// <summary>Most rules in a policy, includes counted (default 10,000).</summary>
    public int MaxRules { get; set; } = 10_000;

    /// <summary>Deepest chain of includes (default 8).</summary>
    public int MaxIncludeDepth { get; set; } = 8;

    /// <summary>Most files one policy may read through its includes, all levels counted (default 64).</summary>
    public int MaxIncludedFiles { get; set; } = 64;

    /// <summary>Most errors reported before the loader stops listing them (default 500).</summary>
    public int MaxErrors { get; set; } = 500;
}
