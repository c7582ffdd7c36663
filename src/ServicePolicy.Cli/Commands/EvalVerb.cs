namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicePolicy.Cli.Docs;
using ServicePolicy.Cli.Eval;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Output;
using ServicePolicy.Core.Model;

/// <summary>
/// `eval`: asks the engine for one decision and prints it: effect, violations, obligations and
/// the explanation. Exit 1 when the decision is deny, 0 otherwise, 2 on unusable input.
/// </summary>
public sealed class EvalVerb : IVerb
{
    private const string UnknownActionRule = "engine.unknown-action";

    private readonly CliConsole _console;

    public EvalVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy eval --policy policies/service-ethics.yaml --action refund.issue --input refund.json",
        "echo '{\"subject\":\"c-42\",\"recipient\":\"partner-crm\",\"purpose\":\"crm-sync\",\"fields\":[\"email\"]}' | servicepolicy eval --policy policies/service-ethics.yaml --action data.share --input - --consent c-42:crm-sync",
        "servicepolicy eval --policy policies/service-ethics.yaml --action complaint.acknowledge --input complaint.yaml --now 2026-03-01T12:00:00Z --format json",
    };

    public Command Create()
    {
        var policy = new Option<string>("--policy", "-p") { Description = "The policy file.", Required = true };
        var action = new Option<string>("--action", "-a") { Description = "The action to decide (data.share, ticket.route, message.send, refund.issue, ...).", Required = true };
        var input = new Option<string?>("--input", "-i") { Description = "The decision's input: a JSON or YAML file, or - for standard input. Without it the input is empty." };
        var consent = new Option<string[]>("--consent") { Description = "A consent on record, subject:purpose[:recipient] (recipient * when left out). Repeat for more.", AllowMultipleArgumentsPerToken = false };
        var withdrawn = new Option<string[]>("--withdrawn") { Description = "A withdrawn consent, subject:purpose[:recipient]. Repeat for more." };
        var now = new Option<string?>("--now") { Description = "The current time for deadline actions (ISO 8601, e.g. 2026-03-01T12:00:00Z). Default: the real time." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("eval", "Evaluate one decision against a policy and explain it.")
        {
            policy,
            action,
            input,
            consent,
            withdrawn,
            now,
            format,
        };
        command.SetAction(result => Run(
            result.GetValue(policy)!,
            result.GetValue(action)!,
            result.GetValue(input),
            result.GetValue(consent) ?? Array.Empty<string>(),
            result.GetValue(withdrawn) ?? Array.Empty<string>(),
            result.GetValue(now),
            result.GetValue(format)!));
        return command;
    }

    private int Run(string policyPath, string action, string? inputSource, string[] consents, string[] withdrawals, string? nowText, string format)
    {
        var store = new InMemoryConsentStore();
        foreach (var grant in consents.Select(ConsentArgument.Parse))
        {
            store.Grant(grant.Subject, grant.Purpose, grant.Recipient);
        }

        foreach (var withdrawal in withdrawals.Select(ConsentArgument.Parse))
        {
            store.Withdraw(withdrawal.Subject, withdrawal.Purpose, withdrawal.Recipient);
        }

        DateTimeOffset? now = null;
        if (nowText != null)
        {
            if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new CliInputException($"servicepolicy eval: error bad-usage: `--now {nowText}` is not a date and time; write it as ISO 8601, e.g. 2026-03-01T12:00:00Z.");
            }

            now = parsed;
        }

        var input = inputSource == null ? null : DecisionInputReader.Read(inputSource, Console.In);
        var policy = PolicyReader.Load(policyPath);
        if (!PolicyEngine.TryCreate(policy, new PolicyEngineOptions { ConsentStore = store }, out var engine, out var errors))
        {
            throw new CliInputException(errors.Select(ErrorText.Format));
        }

        var decision = engine!.Evaluate(action, input, new EvaluationContext { Now = now, ConsentStore = store });
        var unknownAction = decision.Violations.FirstOrDefault(v => v.RuleId == UnknownActionRule);
        if (unknownAction != null)
        {
            // Not a decision about the request: the command named an action the policy does not have.
            throw new CliInputException($"servicepolicy eval: error unknown-action: {unknownAction.Message} {unknownAction.Remediation}".TrimEnd());
        }

        if (format == "json")
        {
            _console.Out.WriteLine(Json.Write(ToJson(decision)));
        }
        else
        {
            WriteText(decision);
        }

        return decision.Effect == DecisionEffect.Deny ? ExitCodes.Violations : ExitCodes.Clean;
    }

    private void WriteText(Decision decision)
    {
        var output = _console.Out;
        output.WriteLine($"decision: {PolicyDocumentRenderer.Kebab(decision.Effect.ToString())}");
        output.WriteLine($"action: {decision.Action}");
        output.WriteLine($"policy: {decision.PolicyName} {decision.PolicyVersion}".TrimEnd());
        if (!string.IsNullOrEmpty(decision.Result))
        {
            output.WriteLine($"result: {decision.Result}");
        }

        output.WriteLine(decision.Violations.Count == 0 ? "violations: none" : "violations:");
        foreach (var violation in decision.Violations)
        {
            var facts = new[] { violation.Principle, PolicyDocumentRenderer.Kebab(violation.Severity.ToString()), violation.Effect == null ? "" : PolicyDocumentRenderer.Kebab(violation.Effect.Value.ToString()) };
            output.WriteLine($"  - {violation.RuleId} ({string.Join(", ", facts.Where(f => !string.IsNullOrEmpty(f)))}): {violation.Message}");
            if (!string.IsNullOrEmpty(violation.Remediation))
            {
                output.WriteLine($"    to comply: {violation.Remediation}");
            }
        }

        output.WriteLine(decision.Obligations.Count == 0 ? "obligations: none" : "obligations:");
        foreach (var obligation in decision.Obligations)
        {
            output.WriteLine($"  - {obligation.Name} (rule {obligation.RuleId}): {obligation.Message}");
            foreach (var detail in obligation.Details)
            {
                output.WriteLine($"    {detail.Key}: {DetailText(detail.Value)}");
            }
        }

        output.WriteLine("explanation:");
        foreach (var line in decision.Explain().TrimEnd().Split('\n'))
        {
            output.WriteLine("  " + line.TrimEnd('\r'));
        }
    }

    private static string DetailText(object? value) => value switch
    {
        null => "(none)",
        string text => text,
        bool flag => flag ? "true" : "false",
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static JsonObject ToJson(Decision decision)
    {
        var violations = new JsonArray();
        foreach (var violation in decision.Violations)
        {
            violations.Add(new JsonObject
            {
                ["ruleId"] = violation.RuleId,
                ["principle"] = violation.Principle,
                ["severity"] = PolicyDocumentRenderer.Kebab(violation.Severity.ToString()),
                ["effect"] = violation.Effect == null ? null : PolicyDocumentRenderer.Kebab(violation.Effect.Value.ToString()),
                ["message"] = violation.Message,
                ["remediation"] = violation.Remediation,
            });
        }

        var obligations = new JsonArray();
        foreach (var obligation in decision.Obligations)
        {
            var details = new JsonObject();
            foreach (var detail in obligation.Details)
            {
                details[detail.Key] = JsonSerializer.SerializeToNode(detail.Value);
            }

            obligations.Add(new JsonObject
            {
                ["name"] = obligation.Name,
                ["ruleId"] = obligation.RuleId,
                ["message"] = obligation.Message,
                ["details"] = details,
            });
        }

        return new JsonObject
        {
            ["decisionId"] = decision.Id.ToString(),
            ["action"] = decision.Action,
            ["effect"] = PolicyDocumentRenderer.Kebab(decision.Effect.ToString()),
            ["allowed"] = decision.IsAllowed,
            ["result"] = decision.Result,
            ["violations"] = violations,
            ["obligations"] = obligations,
            ["firedRules"] = new JsonArray(decision.FiredRules.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["policy"] = new JsonObject { ["name"] = decision.PolicyName, ["version"] = decision.PolicyVersion },
            ["explanation"] = decision.Explain(),
        };
    }
}
