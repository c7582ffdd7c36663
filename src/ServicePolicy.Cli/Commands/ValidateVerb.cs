namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using System.Text.Json.Nodes;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Output;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// `validate`: loads every policy and tests file named and reports every problem at its
/// file:line:column. Exit 1 when a policy has errors, 2 when a file cannot be read.
/// </summary>
public sealed class ValidateVerb : IVerb
{
    private readonly CliConsole _console;

    public ValidateVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy validate policies/service-ethics.yaml",
        "servicepolicy validate policies/            # every *.yaml / *.yml inside, the schema folder skipped",
        "servicepolicy validate policies/ --format sarif > policy.sarif",
    };

    public Command Create()
    {
        var paths = CommonOptions.PolicyPaths("Policy files, tests files (*.tests.yaml) or folders to check.");
        var format = CommonOptions.Format("text", "json", "sarif");
        var command = new Command("validate", "Check policies and tests files: every error with file:line:column, a plain-language message and a hint.")
        {
            paths,
            format,
        };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!));
        return command;
    }

    private int Run(string[] paths, string format)
    {
        var files = PolicyFileFinder.Find(paths);
        var checkedFiles = new List<CheckedFile>();
        foreach (var policy in files.Policies)
        {
            var result = PolicyLoader.LoadFile(policy, IncludeRootOption.LoadOptions(files));
            checkedFiles.Add(new CheckedFile(policy, "policy", result.Errors, result.Policy?.Rules.Count ?? 0, result.Policy?.Tests.Count ?? 0));
        }

        foreach (var testFile in files.TestFiles)
        {
            checkedFiles.Add(CheckTestFile(testFile, IncludeRootOption.For(files)));
        }

        var all = checkedFiles.SelectMany(f => f.Errors).ToList();
        switch (format)
        {
            case "json":
                _console.Out.WriteLine(Json.Write(ToJson(checkedFiles, all)));
                break;
            case "sarif":
                _console.Out.WriteLine(ToSarif(all));
                break;
            default:
                WriteText(checkedFiles, all);
                break;
        }

        if (all.Any(e => e.Code == PolicyErrorCodes.FileUnreadable))
        {
            return ExitCodes.BadInput;
        }

        return all.Any(e => e.IsError) ? ExitCodes.Violations : ExitCodes.Clean;
    }

    private static CheckedFile CheckTestFile(string path, IReadOnlyList<string> includeRoots)
    {
        var result = PolicyTestFileLoader.LoadFile(path, null, includeRoots);
        var errors = result.Errors.ToList();
        if (result.File != null && result.PolicyPath != null && !File.Exists(result.PolicyPath))
        {
            var where = result.File.HasKey("policy") ? result.File.LocationOf("policy") : new SourceLocation(path, 1, 1);
            errors.Add(new PolicyError(
                PolicyErrorCodes.Include,
                $"The policy under test, `{Paths.Display(result.PolicyPath)}`, was not found.",
                where,
                "Set `policy:` to the policy's path relative to this file."));
        }

        return new CheckedFile(path, "tests", errors, 0, result.File?.Tests.Count ?? 0);
    }

    private void WriteText(List<CheckedFile> files, List<PolicyError> all)
    {
        foreach (var file in files)
        {
            foreach (var error in file.Errors)
            {
                _console.Out.WriteLine(ErrorText.Format(error));
            }

            if (!file.Errors.Any(e => e.IsError))
            {
                var what = file.Kind == "policy" ? $"{Plural(file.Rules, "rule")}, {Plural(file.Tests, "test")}" : Plural(file.Tests, "test");
                _console.Out.WriteLine($"{Paths.Display(file.Path)}: valid ({what})");
            }
        }

        var errors = all.Count(e => e.IsError);
        var warnings = all.Count - errors;
        _console.Out.WriteLine($"{Plural(files.Count, "file")} checked: {Plural(errors, "error")}, {Plural(warnings, "warning")}");
    }

    private static JsonObject ToJson(List<CheckedFile> files, List<PolicyError> all)
    {
        var fileArray = new JsonArray();
        foreach (var file in files)
        {
            fileArray.Add(new JsonObject
            {
                ["path"] = Paths.Display(file.Path),
                ["kind"] = file.Kind,
                ["valid"] = !file.Errors.Any(e => e.IsError),
                ["rules"] = file.Rules,
                ["tests"] = file.Tests,
            });
        }

        var diagnostics = new JsonArray();
        foreach (var error in all)
        {
            diagnostics.Add(ErrorJson.ToJson(error));
        }

        return new JsonObject
        {
            ["files"] = fileArray,
            ["diagnostics"] = diagnostics,
            ["errors"] = all.Count(e => e.IsError),
            ["warnings"] = all.Count(e => !e.IsError),
        };
    }

    private static string ToSarif(List<PolicyError> all)
    {
        var rules = all.Select(e => e.Code).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal)
            .Select(code => new SarifRule(code, "Policy problem: " + code.Replace('-', ' ') + "."))
            .ToList();
        var results = all.Select(e => new SarifResult(
            e.Code,
            e.IsError ? "error" : "warning",
            string.IsNullOrEmpty(e.Hint) ? e.Message : e.Message + " " + e.Hint,
            e.Location.File,
            e.Location.Line,
            e.Location.Column,
            e.Location.EndLine,
            e.Location.EndColumn)).ToList();
        return SarifLog.Write("servicepolicy validate", ToolInfo.Version, rules, results);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private sealed record CheckedFile(string Path, string Kind, IReadOnlyList<PolicyError> Errors, int Rules, int Tests);
}
