namespace ServicePolicy.PackageTests.Infrastructure;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>One diagnostic as MSBuild prints it: <c>path(line,col): warning SP2001: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\)\s*:\s*(?<sev>warning|error|info)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[[^\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>The file name without its folder, for comparisons that must not depend on where the consumer lives.</summary>
    public string FileName => Path.GetFileName(File);

    /// <summary>"Program.cs:12:5 SP2001", the form expectations are written in.</summary>
    public string Key => $"{FileName}:{Line}:{Column} {Id}";

    /// <summary>Every distinct diagnostic with a location in a build's output (MSBuild may print one more than once).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        output.Split('\n')
            .Select(line => Pattern.Match(line.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture),
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value))
            .Distinct()
            .ToList();

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}";
}
