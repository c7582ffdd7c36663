namespace ServicePolicy.Cli.Scan;

using System.Globalization;
using System.Text.Json.Nodes;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Output;
using Spectre.Console;

/// <summary>Writes a scan report as text (grouped by principle, with excerpts), JSON or SARIF.</summary>
public sealed class ScanReportWriter
{
    private readonly CliConsole _console;

    public ScanReportWriter(CliConsole console) => _console = console;

    public void WriteText(ScanReport report)
    {
        var output = _console.Out;
        var excerpts = new CodeExcerpt();
        var groups = report.Findings.GroupBy(f => PrincipleGroups.Of(f.Id)).OrderBy(g => PrincipleGroups.Rank(g.Key)).ToList();
        if (report.Findings.Count == 0)
        {
            output.WriteLine("No findings.");
        }

        foreach (var group in groups)
        {
            output.WriteLine($"== {group.Key} ==");
            foreach (var finding in group.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column))
            {
                output.WriteLine($"{Where(finding)}: {finding.Severity} {finding.Id}: {finding.Message}");
                foreach (var line in excerpts.For(finding))
                {
                    output.WriteLine("    " + line);
                }

                if (finding.HelpLink.Length > 0)
                {
                    output.WriteLine($"    help: {finding.HelpLink}");
                }
            }

            output.WriteLine();
        }

        WriteBindings(report);
        WriteSummary(report, groups.Select(g => g.Key).ToList());
    }

    /// <summary>One binding-quality line per compiled project: how much of the code the analyzers could see.</summary>
    private void WriteBindings(ScanReport report)
    {
        if (report.Bindings.Count == 0)
        {
            return;
        }

        _console.Out.WriteLine("Binding:");
        foreach (var binding in report.Bindings)
        {
            _console.Out.WriteLine($"  {(binding.Trusted ? "" : "LOW ")}{binding.Line()}");
        }

        _console.Out.WriteLine();
    }

    private void WriteSummary(ScanReport report, List<string> groups)
    {
        var rows = PrincipleGroups.Order
            .Where(g => (g != "Other" && g != PrincipleGroups.ScanCompleteness) || groups.Contains(g))
            .Select(g => (Group: g, Errors: Count(report, g, "error"), Warnings: Count(report, g, "warning"), Info: Count(report, g, "info")))
            .ToList();
        if (_console.IsTerminal)
        {
            var table = new Table().Title("ServicePolicy scan").AddColumn("Principle").AddColumn("Errors").AddColumn("Warnings").AddColumn("Info");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Group), row.Errors.ToString(CultureInfo.InvariantCulture), row.Warnings.ToString(CultureInfo.InvariantCulture), row.Info.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }
        else
        {
            var width = rows.Max(r => r.Group.Length);
            _console.Out.WriteLine($"{"Principle".PadRight(width)}  Errors  Warnings  Info");
            foreach (var row in rows)
            {
                _console.Out.WriteLine($"{row.Group.PadRight(width)}  {row.Errors,6}  {row.Warnings,8}  {row.Info,4}");
            }
        }

        var scanned = report.FilesScanned > 0 ? $" in {report.FilesScanned:N0} files ({report.LinesScanned:N0} lines)" : "";
        _console.Out.WriteLine();
        _console.Out.WriteLine($"{Plural(Count(report, null, "error"), "error")}, {Plural(Count(report, null, "warning"), "warning")}, {Count(report, null, "info")} info{scanned}");
    }

    public void WriteJson(ScanReport report)
    {
        var findings = new JsonArray();
        foreach (var finding in report.Findings)
        {
            findings.Add(new JsonObject
            {
                ["id"] = finding.Id,
                ["principle"] = PrincipleGroups.Of(finding.Id),
                ["severity"] = finding.Severity,
                ["message"] = finding.Message,
                ["file"] = Paths.Display(finding.File),
                ["line"] = finding.Line,
                ["column"] = finding.Column,
                ["endLine"] = finding.EndLine,
                ["endColumn"] = finding.EndColumn,
                ["title"] = finding.Title,
                ["helpLink"] = finding.HelpLink,
            });
        }

        var projects = new JsonArray();
        foreach (var binding in report.Bindings)
        {
            projects.Add(new JsonObject
            {
                ["project"] = binding.Project,
                ["description"] = binding.Description,
                ["files"] = binding.Files,
                ["lines"] = binding.Lines,
                ["names"] = binding.Names,
                ["unresolvedNames"] = binding.UnresolvedNames,
                ["compilerErrors"] = binding.CompilerErrors,
                ["trusted"] = binding.Trusted,
                ["notes"] = new JsonArray(binding.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            });
        }

        var summary = new JsonObject();
        foreach (var group in PrincipleGroups.Order)
        {
            summary[group] = new JsonObject { ["errors"] = Count(report, group, "error"), ["warnings"] = Count(report, group, "warning"), ["info"] = Count(report, group, "info") };
        }

        var root = new JsonObject
        {
            ["mode"] = report.Mode,
            ["policy"] = report.PolicyPath == null ? null : Paths.Display(report.PolicyPath),
            ["filesScanned"] = report.FilesScanned,
            ["linesScanned"] = report.LinesScanned,
            ["findings"] = findings,
            ["projects"] = projects,
            ["summary"] = summary,
            ["errors"] = Count(report, null, "error"),
            ["warnings"] = Count(report, null, "warning"),
        };
        _console.Out.WriteLine(Json.Write(root));
    }

    public void WriteSarif(ScanReport report)
    {
        var rules = report.Findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SarifRule(g.Key, g.First().Title.Length > 0 ? g.First().Title : g.Key, g.First().HelpLink.Length > 0 ? g.First().HelpLink : null))
            .ToList();
        var results = report.Findings.Select(f => new SarifResult(f.Id, SarifLog.Level(f.Severity), f.Message, f.File, f.Line, f.Column, f.EndLine, f.EndColumn)).ToList();
        _console.Out.WriteLine(SarifLog.Write("servicepolicy scan", ToolInfo.Version, rules, results));
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static int Count(ScanReport report, string? group, string severity) =>
        report.Findings.Count(f => f.Severity == severity && (group == null || PrincipleGroups.Of(f.Id) == group));

    private static string Where(Finding finding) =>
        finding.Line > 0 ? $"{Paths.Display(finding.File)}:{finding.Line}:{finding.Column}" : Paths.Display(finding.File);
}
