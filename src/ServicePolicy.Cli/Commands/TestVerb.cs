namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using System.Text.Json.Nodes;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Output;
using ServicePolicy.Cli.Testing;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Testing;
using Spectre.Console;

/// <summary>
/// `test`: runs the test cases embedded in policies and in *.tests.yaml files beside them through
/// the engine, and ends with the line `N passed, N failed`. Exit 1 when a case fails, 2 when a
/// policy or tests file cannot be read.
/// </summary>
public sealed class TestVerb : IVerb
{
    private readonly CliConsole _console;

    public TestVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy test policies/service-ethics.yaml",
        "servicepolicy test policies/                         # every policy and *.tests.yaml inside",
        "servicepolicy test policies/ --filter \"refund*\"      # glob on the case name (or a plain substring)",
        "servicepolicy test policies/ --format json",
    };

    public Command Create()
    {
        var paths = CommonOptions.PolicyPaths("Policy files, tests files (*.tests.yaml) or folders.");
        var filter = new Option<string?>("--filter") { Description = "Run only the cases whose name matches: a glob with * and ?, or else a substring (case-insensitive)." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("test", "Run the test cases of policies (embedded `tests:` and *.tests.yaml files) and report each case.")
        {
            paths,
            filter,
            format,
        };
        command.SetAction(result => Run(result.GetValue(paths)!, new TestFilter(result.GetValue(filter)), result.GetValue(format)!));
        return command;
    }

    private int Run(string[] paths, TestFilter filter, string format)
    {
        var files = PolicyFileFinder.Find(paths);
        var (suites, inputErrors) = TestSuiteCollector.Collect(files);
        var outcomes = new List<SuiteOutcome>();
        foreach (var suite in suites)
        {
            var load = PolicyLoader.LoadFile(suite.PolicyPath, IncludeRootOption.LoadOptions(files));
            if (!load.Succeeded)
            {
                inputErrors.AddRange(load.Errors.Where(e => e.IsError));
                continue;
            }

            var policy = load.Policy!;
            var embedded = suite.IncludeEmbedded ? policy.Tests : new List<PolicyTest>();
            var tests = embedded.Concat(suite.ExtraTests).Where(t => filter.Matches(t.Name)).ToList();
            if (tests.Count == 0)
            {
                outcomes.Add(new SuiteOutcome(suite.PolicyPath, Array.Empty<PolicyTestResult>()));
                continue;
            }

            // A policy the engine cannot compile is input that cannot be used, not a failed case.
            if (!PolicyEngine.TryCreate(policy, new PolicyEngineOptions(), out _, out var compileErrors))
            {
                inputErrors.AddRange(compileErrors.Where(e => e.IsError));
                continue;
            }

            var report = PolicyTestRunner.Run(policy, tests);
            outcomes.Add(new SuiteOutcome(suite.PolicyPath, report.Results));
        }

        foreach (var error in inputErrors)
        {
            _console.Error.WriteLine(ErrorText.Format(error));
        }

        var passed = outcomes.Sum(o => o.Results.Count(r => r.Passed));
        var failed = outcomes.Sum(o => o.Results.Count(r => !r.Passed));
        if (format == "json")
        {
            _console.Out.WriteLine(Json.Write(ToJson(outcomes, inputErrors, passed, failed)));
        }
        else
        {
            WriteText(outcomes, filter);
            _console.Out.WriteLine($"{passed} passed, {failed} failed");
        }

        if (inputErrors.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        return failed > 0 ? ExitCodes.Violations : ExitCodes.Clean;
    }

    private void WriteText(List<SuiteOutcome> outcomes, TestFilter filter)
    {
        var output = _console.Out;
        foreach (var outcome in outcomes)
        {
            output.WriteLine(Paths.Display(outcome.PolicyPath));
            if (outcome.Results.Count == 0)
            {
                output.WriteLine(filter.IsEmpty ? "  (no test cases)" : "  (no test case matches the filter)");
                continue;
            }

            foreach (var result in outcome.Results)
            {
                var where = Where(result.Location);
                output.WriteLine($"  {(result.Passed ? "PASS" : "FAIL")}  {result.Name}  [{where}]");
                if (result.Passed)
                {
                    continue;
                }

                output.WriteLine($"        expected: {result.Expected}");
                output.WriteLine($"        actual:   {result.Actual}");
                foreach (var failure in result.Failures)
                {
                    output.WriteLine($"        - {failure}");
                }

                if (!string.IsNullOrWhiteSpace(result.Explanation))
                {
                    output.WriteLine("        explanation:");
                    foreach (var line in result.Explanation.TrimEnd().Split('\n'))
                    {
                        output.WriteLine("          " + line.TrimEnd('\r'));
                    }
                }
            }
        }

        if (_console.IsTerminal && outcomes.Count > 1)
        {
            var table = new Table().AddColumn("Policy").AddColumn("Passed").AddColumn("Failed");
            foreach (var outcome in outcomes)
            {
                table.AddRow(Markup.Escape(Paths.Display(outcome.PolicyPath)), outcome.Results.Count(r => r.Passed).ToString(), outcome.Results.Count(r => !r.Passed).ToString());
            }

            AnsiConsole.Write(table);
        }
    }

    private static JsonObject ToJson(List<SuiteOutcome> outcomes, List<PolicyError> errors, int passed, int failed)
    {
        var results = new JsonArray();
        foreach (var outcome in outcomes)
        {
            foreach (var result in outcome.Results)
            {
                results.Add(new JsonObject
                {
                    ["policy"] = Paths.Display(outcome.PolicyPath),
                    ["name"] = result.Name,
                    ["action"] = result.Action,
                    ["location"] = Where(result.Location),
                    ["passed"] = result.Passed,
                    ["expected"] = result.Expected,
                    ["actual"] = result.Actual,
                    ["failures"] = new JsonArray(result.Failures.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                    ["explanation"] = result.Passed ? null : result.Explanation,
                });
            }
        }

        return new JsonObject
        {
            ["results"] = results,
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)ErrorJson.ToJson(e)).ToArray()),
            ["passed"] = passed,
            ["failed"] = failed,
        };
    }

    private static string Where(SourceLocation location) =>
        location.IsKnown ? $"{Paths.Display(location.File)}:{location.Line}:{location.Column}" : Paths.Display(location.File);

    private sealed record SuiteOutcome(string PolicyPath, IReadOnlyList<PolicyTestResult> Results);
}
