namespace ServicePolicy.Cli.Scan;

/// <summary>One analyzer finding, whichever way the scan ran (build or no build).</summary>
public sealed record Finding(
    string Id,
    string Severity,
    string Message,
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Title,
    string HelpLink)
{
    /// <summary>error, warning or info (note and hidden read as info).</summary>
    public static string NormaliseSeverity(string severity) => severity.ToLowerInvariant() switch
    {
        "error" => "error",
        "warning" => "warning",
        _ => "info",
    };

    public int SeverityRank => Severity switch
    {
        "error" => 2,
        "warning" => 1,
        _ => 0,
    };
}

/// <summary>What a scan found, and what it looked at.</summary>
public sealed class ScanReport
{
    public List<Finding> Findings { get; } = new();

    public int FilesScanned { get; set; }

    public long LinesScanned { get; set; }

    public string? PolicyPath { get; set; }

    public string Mode { get; set; } = "build";

    /// <summary>How well each compiled project bound (a scan without a build only).</summary>
    public List<BindingQuality> Bindings { get; } = new();

    /// <summary>File, line, column, id: concurrent analysis reports in any order, and reports must be stable.</summary>
    public void SortFindings()
    {
        var ordered = Findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        Findings.Clear();
        Findings.AddRange(ordered);
    }
}
