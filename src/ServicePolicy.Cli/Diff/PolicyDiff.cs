namespace ServicePolicy.Cli.Diff;

using System.Globalization;
using ServicePolicy.Cli.Docs;
using ServicePolicy.Core.Model;

/// <summary>How one rule changed: the keys whose values differ, each with its old and new value.</summary>
public sealed record RuleChange(string RuleId, string Principle, IReadOnlyList<KeyChange> Keys);

public sealed record KeyChange(string Key, string Old, string New);

/// <summary>A change outside the rules (a data category, an SLA, a banned phrase...).</summary>
public sealed record SectionChange(string Section, string Kind, string Item, string Detail);

/// <summary>
/// What changed between two versions of a policy, rule by rule (matched by id) and item by item
/// in the other sections (matched by their id or natural key).
/// </summary>
public sealed class PolicyDiff
{
    public List<Rule> AddedRules { get; } = new();
    public List<Rule> RemovedRules { get; } = new();
    public List<RuleChange> ChangedRules { get; } = new();
    public List<SectionChange> SectionChanges { get; } = new();

    public static PolicyDiff Compare(Policy oldPolicy, Policy newPolicy)
    {
        var diff = new PolicyDiff();
        var oldRules = oldPolicy.Rules.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newRules = newPolicy.Rules.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        diff.AddedRules.AddRange(newPolicy.Rules.Where(r => !oldRules.ContainsKey(r.Id)));
        diff.RemovedRules.AddRange(oldPolicy.Rules.Where(r => !newRules.ContainsKey(r.Id)));
        foreach (var rule in newPolicy.Rules.Where(r => oldRules.ContainsKey(r.Id)))
        {
            var old = oldRules[rule.Id];
            var keys = RuleKeys(old).Zip(RuleKeys(rule), (o, n) => new KeyChange(o.Key, o.Value, n.Value)).Where(k => k.Old != k.New).ToList();
            if (keys.Count > 0)
            {
                diff.ChangedRules.Add(new RuleChange(rule.Id, rule.Principle, keys));
            }
        }

        diff.CompareSection("metadata", Items(oldPolicy.Metadata), Items(newPolicy.Metadata));
        diff.CompareSection("data category", oldPolicy.Classification.Categories.Select(Item), newPolicy.Classification.Categories.Select(Item));
        diff.CompareSection("protected attribute", oldPolicy.Classification.ProtectedAttributes.Select(Item), newPolicy.Classification.ProtectedAttributes.Select(Item));
        diff.CompareSection("proxy", oldPolicy.Classification.Proxies.Select(Item), newPolicy.Classification.Proxies.Select(Item));
        diff.CompareSection("consent purpose", oldPolicy.Consent.Purposes.Select(Item), newPolicy.Consent.Purposes.Select(Item));
        diff.CompareSection("consent requirement", oldPolicy.Consent.Requirements.Select(Item), newPolicy.Consent.Requirements.Select(Item));
        diff.CompareSection("routing table", oldPolicy.Routing.Select(Item), newPolicy.Routing.Select(Item));
        diff.CompareSection("SLA", oldPolicy.Slas.Select(Item), newPolicy.Slas.Select(Item));
        diff.CompareSection("authority limit", oldPolicy.Authority.Select(Item), newPolicy.Authority.Select(Item));
        diff.CompareSection("text phrase", Phrases(oldPolicy.Text), Phrases(newPolicy.Text));
        diff.CompareSection("text pattern", oldPolicy.Text.Patterns.Select(Item), newPolicy.Text.Patterns.Select(Item));
        diff.CompareSection("analyzer setting", AnalyzerItems(oldPolicy.Analyzers), AnalyzerItems(newPolicy.Analyzers));
        diff.CompareSection("test case", oldPolicy.Tests.Select(Item), newPolicy.Tests.Select(Item));
        return diff;
    }

    private void CompareSection(string section, IEnumerable<KeyValuePair<string, string>> oldItems, IEnumerable<KeyValuePair<string, string>> newItems)
    {
        var before = oldItems.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var after = newItems.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var item in after)
        {
            if (!before.TryGetValue(item.Key, out var old))
            {
                SectionChanges.Add(new SectionChange(section, "added", item.Key, item.Value));
            }
            else if (old != item.Value)
            {
                SectionChanges.Add(new SectionChange(section, "changed", item.Key, $"{old} → {item.Value}"));
            }
        }

        foreach (var item in before.Where(i => !after.ContainsKey(i.Key)))
        {
            SectionChanges.Add(new SectionChange(section, "removed", item.Key, item.Value));
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> RuleKeys(Rule rule)
    {
        yield return new("title", rule.Title);
        yield return new("principle", rule.Principle);
        yield return new("seeds", List(rule.Seeds));
        yield return new("severity", PolicyDocumentRenderer.Kebab(rule.Severity.ToString()));
        yield return new("action", List(rule.Action));
        yield return new("when", ConditionText.Inline(rule.When));
        yield return new("effect", PolicyDocumentRenderer.Kebab(rule.Effect.ToString()));
        yield return new("obligation", rule.Obligation);
        yield return new("message", rule.Message);
        yield return new("remediation", rule.Remediation);
        yield return new("enabled", rule.Enabled ? "true" : "false");
    }

    private static IEnumerable<KeyValuePair<string, string>> Items(PolicyMetadata meta)
    {
        yield return new("name", meta.Name);
        yield return new("version", meta.Version);
        yield return new("owner", meta.Owner);
    }

    private static KeyValuePair<string, string> Item(DataCategory c) =>
        new(c.Id, $"level {PolicyDocumentRenderer.Kebab(c.Level.ToString())}, masked in logs {(c.RedactInLogs ? "yes" : "no")}, fields [{List(c.Fields)}], symbols [{List(c.Symbols)}]");

    private static KeyValuePair<string, string> Item(ProtectedAttributeDefinition a) => new(a.Id, $"fields [{List(a.Fields)}], symbols [{List(a.Symbols)}]");

    private static KeyValuePair<string, string> Item(ProxyDefinition p) => new(p.Id, $"stands for {p.StandsFor}, fields [{List(p.Fields)}], symbols [{List(p.Symbols)}]");

    private static KeyValuePair<string, string> Item(ConsentPurpose p) => new(p.Id, $"needs [{List(p.Needs)}]");

    private static KeyValuePair<string, string> Item(ConsentRequirement r) => new($"[{List(r.Categories)}] to [{List(r.Recipients)}]", $"purpose {r.Purpose}");

    private static KeyValuePair<string, string> Item(RoutingTable t) =>
        new(t.Id, $"{t.Context} for {t.Action}: " + string.Join("; ", t.Routes.Select(r => $"{ConditionText.Inline(r.When)} → {r.Result}")) + $"; default {t.Default}");

    private static KeyValuePair<string, string> Item(Sla s) =>
        new(s.Id, $"{PolicyDocumentRenderer.Kebab(s.Kind.ToString())} within {PolicyDocumentRenderer.Duration(s.Within)}" + (s.Channel.Length > 0 ? $", channel {s.Channel}" : "") + (s.Priority.Length > 0 ? $", priority {s.Priority}" : ""));

    private static KeyValuePair<string, string> Item(AuthorityLimit a) =>
        new($"{a.Role} {a.Action}", $"up to {a.Max.ToString("0.##", CultureInfo.InvariantCulture)} {a.Currency}".TrimEnd());

    private static KeyValuePair<string, string> Item(TextPattern p) => new(p.Id, $"{p.Kind} /{p.Regex}/");

    private static KeyValuePair<string, string> Item(PolicyTest t)
    {
        var expect = t.Expect;
        var parts = new List<string>();
        if (expect.Effect != null)
        {
            parts.Add("effect " + PolicyDocumentRenderer.Kebab(expect.Effect.Value.ToString()));
        }

        if (expect.Violations.Count > 0)
        {
            parts.Add((expect.Exactly ? "exactly " : "") + $"rules [{List(expect.Violations)}]");
        }

        if (expect.Obligations.Count > 0)
        {
            parts.Add($"obligations [{List(expect.Obligations)}]");
        }

        if (expect.Result.Length > 0)
        {
            parts.Add("result " + expect.Result);
        }

        var input = t.Input == null ? "no input" : ConditionText.Data(t.Input);
        return new($"\"{t.Name}\"", $"{t.Action} {input} expects {string.Join(", ", parts)}");
    }

    private static IEnumerable<KeyValuePair<string, string>> Phrases(TextRules text)
    {
        foreach (var (kind, byLanguage) in new[] { ("claim", text.Claims), ("disrespectful", text.Disrespectful), ("promise", text.Promises) })
        {
            foreach (var language in byLanguage)
            {
                foreach (var phrase in language.Value)
                {
                    yield return new($"{kind} ({language.Key}) \"{phrase}\"", "");
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> AnalyzerItems(AnalyzerSettings settings)
    {
        foreach (var sink in settings.ThirdPartySinks)
        {
            yield return new($"third-party sink {sink.Method}", $"recipient {sink.Recipient}");
        }

        foreach (var sink in settings.LogSinks)
        {
            yield return new($"log sink {sink.Method}", "");
        }

        foreach (var check in settings.ConsentChecks)
        {
            yield return new($"consent check {check}", "");
        }

        foreach (var redactor in settings.Redactors)
        {
            yield return new($"redactor {redactor}", "");
        }

        foreach (var context in settings.DecisionContexts)
        {
            yield return new($"decision context {context.Context}: {List(context.Types.Concat(context.Methods).Concat(context.Interfaces).Concat(context.Namespaces))}", "");
        }

        foreach (var text in settings.CustomerFacingText)
        {
            yield return new($"customer-facing text {text}", "");
        }
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
