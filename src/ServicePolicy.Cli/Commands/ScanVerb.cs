namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using Microsoft.CodeAnalysis;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Scan;
using Spectre.Console;

/// <summary>
/// `scan`: runs the ServicePolicy analyzers over C# code and reports the findings grouped by
/// principle. Exit 1 when a finding at or above `--fail-on` (default error) exists.
/// </summary>
public sealed class ScanVerb : IVerb
{
    private readonly CliConsole _console;

    public ScanVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy scan src/MyApp/MyApp.csproj                        # builds it with the analyzers attached",
        "servicepolicy scan MyApp.sln --policy policies/service-ethics.yaml",
        "servicepolicy scan . --no-build                                  # no build: each project compiled in memory",
        "servicepolicy scan src/ --no-build --fail-on warning --format sarif > scan.sarif",
    };

    public Command Create()
    {
        var target = new Argument<string>("target") { Description = "A C# project (.csproj), a solution (.sln, .slnx) or a folder. Default: the current folder.", DefaultValueFactory = _ => "." };
        var policy = new Option<string?>("--policy", "-p") { Description = "The policy file. Default: servicepolicy.yaml or *.policy.yaml in the target's folder or a parent, up to the repository root." };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build: compile each project in memory (its SDK's frameworks and usings, its restored or cached packages, its project references), and say how much of it bound." };
        var failOn = new Option<string>("--fail-on") { Description = "The lowest severity that makes the scan fail (exit 1): error or warning.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning");
        var format = CommonOptions.Format("text", "json", "sarif");
        var command = new Command("scan", "Run the ServicePolicy analyzers over C# code and report the findings by principle.")
        {
            target,
            policy,
            noBuild,
            failOn,
            format,
        };
        command.SetAction(result => Run(result.GetValue(target)!, result.GetValue(policy), result.GetValue(noBuild), result.GetValue(failOn)!, result.GetValue(format)!));
        return command;
    }

    private int Run(string targetPath, string? policyPath, bool noBuild, string failOn, string format)
    {
        var target = ScanTarget.Resolve(targetPath);
        if (!noBuild && target.IsFolder)
        {
            var projects = Directory.GetFiles(target.Folder, "*.sln").Concat(Directory.GetFiles(target.Folder, "*.slnx")).Concat(Directory.GetFiles(target.Folder, "*.csproj")).ToList();
            if (projects.Count == 0)
            {
                throw new CliInputException($"{Paths.Display(target.Folder)}: error bad-usage: the folder has no project or solution to build. Pass a .csproj or .sln, or scan the sources without a build: `servicepolicy scan {Paths.Display(target.Folder)} --no-build`.");
            }
        }

        if (policyPath != null && !File.Exists(policyPath))
        {
            throw new CliInputException($"{Paths.Display(policyPath)}: error file-unreadable: the policy file was not found.");
        }

        policyPath ??= PolicyLocator.Find(target.Folder);
        var report = WithProgress(progress => noBuild
            ? new NoBuildScanner().Scan(target, policyPath, progress)
            : new BuildScanner().Scan(target, policyPath, progress));
        report.SortFindings();
        if (policyPath == null)
        {
            // The analyzers' own SP9002 gives build advice (AdditionalFiles); on the command line the
            // fix is --policy, so the tool says that instead, once, at the analyzers' severity.
            var fromAnalyzers = report.Findings.FirstOrDefault(f => f.Id == "SP9002");
            report.Findings.RemoveAll(f => f.Id == "SP9002");
            report.Findings.Insert(0, NoPolicyFinding(target, fromAnalyzers?.Severity));
        }

        var writer = new ScanReportWriter(_console);
        switch (format)
        {
            case "json":
                writer.WriteJson(report);
                break;
            case "sarif":
                writer.WriteSarif(report);
                break;
            default:
                writer.WriteText(report);
                break;
        }

        var threshold = failOn == "warning" ? 1 : 2;
        return report.Findings.Any(f => f.SeverityRank >= threshold) ? ExitCodes.Violations : ExitCodes.Clean;
    }

    private ScanReport WithProgress(Func<Action<string>, ScanReport> scan)
    {
        if (Environment.GetEnvironmentVariable("SERVICEPOLICY_TIMINGS") == "1")
        {
            // For measuring (docs/performance.md): each phase with the time since the scan began, on standard error.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = scan(message => _console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,7:F2} s] {message}"));
            _console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,7:F2} s] done");
            return report;
        }

        if (!_console.IsTerminal)
        {
            return scan(_ => { });
        }

        return AnsiConsole.Status().Start("Scanning", context => scan(message => context.Status(Markup.Escape(message))));
    }

    private static Finding NoPolicyFinding(ScanTarget target, string? severity)
    {
        var descriptor = AnalyzerSource.Descriptor("SP9002");
        severity ??= descriptor == null ? "warning" : Finding.NormaliseSeverity(descriptor.DefaultSeverity.ToString());
        return new Finding(
            "SP9002",
            severity,
            $"No policy file was found in {Paths.Display(target.Folder)} or its parents up to the repository root, so only annotated code was checked. Pass one with `--policy <file>`, or add `servicepolicy.yaml` (or `*.policy.yaml`) to the repository.",
            target.Folder,
            0,
            0,
            0,
            0,
            descriptor?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "No policy file found",
            descriptor?.HelpLinkUri ?? ToolInfo.RulesDocsBase + "SP9002.md");
    }
}
