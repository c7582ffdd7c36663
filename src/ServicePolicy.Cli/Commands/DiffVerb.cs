namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using System.Text.Json.Nodes;
using ServicePolicy.Cli.Diff;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Output;

/// <summary>
/// `diff`: what a policy change does: rules added, removed and changed (which keys), other
/// sections, and the test cases whose outcome changes. Always exit 0 unless an input cannot be read.
/// </summary>
public sealed class DiffVerb : IVerb
{
    private readonly CliConsole _console;

    public DiffVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy diff old/service-ethics.yaml policies/service-ethics.yaml",
        "git show main:policies/service-ethics.yaml > /tmp/base.yaml && servicepolicy diff /tmp/base.yaml policies/service-ethics.yaml",
        "servicepolicy diff old.yaml new.yaml --format json",
    };

    public Command Create()
    {
        var oldPolicy = new Argument<string>("old") { Description = "The policy before the change." };
        var newPolicy = new Argument<string>("new") { Description = "The policy after the change." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("diff", "Show what a policy change does: rules added, removed and changed, and which test cases change outcome.")
        {
            oldPolicy,
            newPolicy,
            format,
        };
        command.SetAction(result => Run(result.GetValue(oldPolicy)!, result.GetValue(newPolicy)!, result.GetValue(format)!));
        return command;
    }

    private int Run(string oldPath, string newPath, string format)
    {
        var before = PolicyReader.Load(oldPath);
        var after = PolicyReader.Load(newPath);
        var diff = PolicyDiff.Compare(before, after);
        var impact = TestImpact.Compute(before, after);
        if (format == "json")
        {
            _console.Out.WriteLine(Json.Write(ToJson(diff, impact)));
        }
        else
        {
            WriteText(oldPath, newPath, diff, impact);
        }

        return ExitCodes.Clean;
    }

    private void WriteText(string oldPath, string newPath, PolicyDiff diff, List<TestOutcomeChange> impact)
    {
        var output = _console.Out;
        output.WriteLine($"--- {Paths.Display(oldPath)}");
        output.WriteLine($"+++ {Paths.Display(newPath)}");
        output.WriteLine();
        output.WriteLine("Rules:");
        if (diff.AddedRules.Count + diff.RemovedRules.Count + diff.ChangedRules.Count == 0)
        {
            output.WriteLine("  no rule changed");
        }

        foreach (var rule in diff.AddedRules)
        {
            output.WriteLine($"  + {rule.Id} ({rule.Principle}) added: {rule.Title}".TrimEnd(' ', ':'));
        }

        foreach (var rule in diff.RemovedRules)
        {
            output.WriteLine($"  - {rule.Id} ({rule.Principle}) removed: {rule.Title}".TrimEnd(' ', ':'));
        }

        foreach (var change in diff.ChangedRules)
        {
            output.WriteLine($"  ~ {change.RuleId} ({change.Principle}) changed: {string.Join(", ", change.Keys.Select(k => k.Key))}");
            foreach (var key in change.Keys)
            {
                output.WriteLine($"      {key.Key}: {Shown(key.Old)} → {Shown(key.New)}");
            }
        }

        output.WriteLine();
        output.WriteLine("Other sections:");
        if (diff.SectionChanges.Count == 0)
        {
            output.WriteLine("  no other change");
        }

        foreach (var change in diff.SectionChanges)
        {
            var mark = change.Kind switch { "added" => "+", "removed" => "-", _ => "~" };
            var detail = change.Detail.Length == 0 ? "" : ": " + change.Detail;
            output.WriteLine($"  {mark} {change.Section} {change.Item} {change.Kind}{detail}");
        }

        output.WriteLine();
        output.WriteLine("Test cases whose outcome changes:");
        if (impact.Count == 0)
        {
            output.WriteLine("  none");
        }

        foreach (var change in impact)
        {
            output.WriteLine($"  ~ {change.Name} (from the {change.From} policy)");
            output.WriteLine($"      old policy: {(change.PassedBefore ? "pass" : "FAIL")}, {change.ActualBefore}");
            output.WriteLine($"      new policy: {(change.PassedAfter ? "pass" : "FAIL")}, {change.ActualAfter}");
        }

        output.WriteLine();
        output.WriteLine($"Summary: rules {diff.AddedRules.Count} added, {diff.RemovedRules.Count} removed, {diff.ChangedRules.Count} changed; {Count(diff.SectionChanges.Count, "other change", "other changes")}; {Count(impact.Count, "test case changes outcome", "test cases change outcome")}");
    }

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    private static string Shown(string value) => value.Length == 0 ? "(empty)" : value;

    private static JsonObject ToJson(PolicyDiff diff, List<TestOutcomeChange> impact)
    {
        var changed = new JsonArray();
        foreach (var change in diff.ChangedRules)
        {
            var keys = new JsonArray();
            foreach (var key in change.Keys)
            {
                keys.Add(new JsonObject { ["key"] = key.Key, ["old"] = key.Old, ["new"] = key.New });
            }

            changed.Add(new JsonObject { ["id"] = change.RuleId, ["principle"] = change.Principle, ["keys"] = keys });
        }

        return new JsonObject
        {
            ["rules"] = new JsonObject
            {
                ["added"] = new JsonArray(diff.AddedRules.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["principle"] = r.Principle, ["title"] = r.Title }).ToArray()),
                ["removed"] = new JsonArray(diff.RemovedRules.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["principle"] = r.Principle, ["title"] = r.Title }).ToArray()),
                ["changed"] = changed,
            },
            ["otherChanges"] = new JsonArray(diff.SectionChanges.Select(c => (JsonNode?)new JsonObject { ["section"] = c.Section, ["kind"] = c.Kind, ["item"] = c.Item, ["detail"] = c.Detail }).ToArray()),
            ["testOutcomeChanges"] = new JsonArray(impact.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name,
                ["from"] = c.From,
                ["old"] = new JsonObject { ["passed"] = c.PassedBefore, ["actual"] = c.ActualBefore },
                ["new"] = new JsonObject { ["passed"] = c.PassedAfter, ["actual"] = c.ActualAfter },
            }).ToArray()),
        };
    }
}
