namespace ServicePolicy.Cli.Docs;

using System.Globalization;
using ServicePolicy.Core.Model;

/// <summary>
/// Renders a policy for human review: rules grouped by principle in plain language (what is
/// checked, why, severity, examples from the policy's own test cases), then the classification,
/// consent, routing, SLA, authority and text tables. The same content goes to Markdown and HTML.
/// </summary>
public sealed class PolicyDocumentRenderer
{
    private readonly Policy _policy;
    private readonly string _sourceName;

    public PolicyDocumentRenderer(Policy policy, string sourceName)
    {
        _policy = policy;
        _sourceName = sourceName;
    }

    public string Title => string.IsNullOrEmpty(_policy.Metadata.Name) ? $"Policy {_sourceName}" : $"Policy {_policy.Metadata.Name}";

    public string Render(IDocumentWriter writer)
    {
        writer.Heading(1, Title);
        WriteOverview(writer);
        WriteContents(writer);
        WriteRules(writer);
        WriteSwitchedOff(writer);
        WriteClassification(writer);
        WriteConsent(writer);
        WriteRouting(writer);
        WriteSlas(writer);
        WriteAuthority(writer);
        WriteText(writer);
        return writer.Finish();
    }

    private void WriteOverview(IDocumentWriter writer)
    {
        var meta = _policy.Metadata;
        if (!string.IsNullOrEmpty(meta.Description))
        {
            writer.Paragraph(meta.Description);
        }

        var facts = new List<KeyValuePair<string, string>>
        {
            new("Source", "`" + _sourceName + "`"),
            new("Version", Or(meta.Version, "(not set)")),
            new("Owner", Or(meta.Owner, "(not set)")),
            new("Rules", $"{_policy.Rules.Count(r => r.Enabled)} enforced, {_policy.Rules.Count(r => !r.Enabled)} switched off"),
            new("Test cases", _policy.Tests.Count.ToString(CultureInfo.InvariantCulture)),
        };
        if (_policy.SourceFiles.Count > 1)
        {
            facts.Add(new("Built from", string.Join(", ", _policy.SourceFiles.Select(f => "`" + f + "`"))));
        }

        // The effective policy, as decisions and decision logs name it.
        var identity = _policy.Identity;
        facts.Add(new("Effective policy", Or((identity.Name + " " + identity.Version).Trim(), "(not set)")));
        facts.Add(new("Includes", identity.Includes.Count == 0 ? "nothing" : string.Join(", ", identity.Includes)));
        facts.Add(new("Switched off", identity.Disabled.Count == 0 ? "nothing" : string.Join(", ", identity.Disabled)));
        facts.Add(new("Content hash", identity.ContentHash.Length == 0 ? "(unknown)" : "sha256 `" + identity.ContentHash + "`"));

        writer.Facts(facts);
    }

    /// <summary>Links to every section below, and to each principle that has rules.</summary>
    private void WriteContents(IDocumentWriter writer)
    {
        writer.Heading(2, "Contents", "contents");
        var lines = new List<OutlineLine> { new(0, InlineText.Link("Rules by principle", "rules")) };
        lines.AddRange(RulePrinciples().Select(p => new OutlineLine(1, InlineText.Link($"{p}: {Principles.Title(p)}", p.ToLowerInvariant()))));
        if (SwitchedOffRules().Count > 0)
        {
            lines.Add(new(0, InlineText.Link("Rules switched off", "switched-off")));
        }

        lines.Add(new(0, InlineText.Link("Classification", "classification")));
        lines.Add(new(0, InlineText.Link("Consent", "consent")));
        if (_policy.Routing.Count > 0)
        {
            lines.Add(new(0, InlineText.Link("Routing, prioritisation, pricing and eligibility tables", "routing")));
        }

        lines.Add(new(0, InlineText.Link("Deadlines (SLAs)", "slas")));
        lines.Add(new(0, InlineText.Link("Authority limits", "authority")));
        lines.Add(new(0, InlineText.Link("Customer-facing text", "text")));
        writer.Outline(lines);
    }

    private IReadOnlyList<string> RulePrinciples() =>
        _policy.Rules.Select(r => r.Principle).Distinct(StringComparer.Ordinal).OrderBy(Principles.Order).ToList();

    /// <summary>Rules an including policy removed (`disable`) and rules kept but marked `enabled: false`.</summary>
    private IReadOnlyList<(string Id, string How)> SwitchedOffRules() =>
        _policy.Disable.Distinct(StringComparer.Ordinal).Select(id => (id, "removed by `disable` in this policy: an included policy defines it, this one does not enforce it"))
            .Concat(_policy.Rules.Where(r => !r.Enabled).Select(r => (r.Id, $"kept but `enabled: false` ({r.Principle}: {Principles.Title(r.Principle)})")))
            .ToList();

    private void WriteSwitchedOff(IDocumentWriter writer)
    {
        var off = SwitchedOffRules();
        if (off.Count == 0)
        {
            return;
        }

        writer.Heading(2, "Rules switched off", "switched-off");
        writer.Paragraph("These rules are written down in this policy or in a policy it includes, but are not enforced. A reviewer should check that each one is switched off on purpose.");
        writer.Table(new[] { "Rule", "How" }, off.Select(o => (IReadOnlyList<string>)new[] { $"`{o.Id}`", o.How }));
    }

    private void WriteRules(IDocumentWriter writer)
    {
        writer.Heading(2, "Rules by principle", "rules");
        if (_policy.Rules.Count == 0)
        {
            writer.Paragraph("This policy has no rules of its own.");
            return;
        }

        writer.Table(
            new[] { "Principle", "Rules", "Build-time checks" },
            Principles.All.Select(p => (IReadOnlyList<string>)new[]
            {
                $"{p.Id}: {p.Title}",
                _policy.Rules.Any(r => r.Principle == p.Id) ? string.Join(", ", _policy.Rules.Where(r => r.Principle == p.Id).Select(r => InlineText.Link("`" + r.Id + "`", RuleAnchor(r)))) : "(no rule)",
                BuildTimeChecks.For(p.Id).Count == 0 ? "—" : string.Join(", ", BuildTimeChecks.For(p.Id).Select(d => "`" + d.Id + "`")),
            }));

        foreach (var group in _policy.Rules.GroupBy(r => r.Principle).OrderBy(g => Principles.Order(g.Key)))
        {
            var principle = Principles.Find(group.Key);
            writer.Heading(3, $"{group.Key}: {Principles.Title(group.Key)}", group.Key.ToLowerInvariant());
            if (principle != null)
            {
                writer.Paragraph(principle.Summary);
            }

            writer.Paragraph("Checked in C# code at build time by the ServicePolicy analyzers: " + BuildTimeChecks.Describe(group.Key) + ".");

            foreach (var rule in group)
            {
                WriteRule(writer, rule);
            }
        }
    }

    private void WriteRule(IDocumentWriter writer, Rule rule)
    {
        var title = string.IsNullOrEmpty(rule.Title) ? $"`{rule.Id}`" : $"`{rule.Id}`: {rule.Title}";
        writer.Heading(4, title, RuleAnchor(rule));
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Applies to", string.Join(", ", rule.Action.Select(a => "`" + a + "`"))),
            new("Outcome", EffectText(rule)),
            new("Severity", Kebab(rule.Severity.ToString())),
            new("Principle", InlineText.Link($"{rule.Principle} ({Principles.Title(rule.Principle)})", rule.Principle.ToLowerInvariant()) + (rule.Seeds.Count > 0 ? ", sources: " + string.Join(", ", rule.Seeds) : "")),
        };
        if (!rule.Enabled)
        {
            facts.Insert(0, new("Status", "switched off (`enabled: false`): written down but not enforced"));
        }

        writer.Facts(facts);
        if (rule.When == null)
        {
            writer.Paragraph($"What is checked: the rule applies to every {string.Join(" and ", rule.Action.Select(a => "`" + a + "`"))} request.");
        }
        else
        {
            writer.Paragraph("What is checked: the rule fires when");
            writer.Outline(ConditionText.Outline(rule.When));
        }

        var why = new List<string>();
        if (!string.IsNullOrEmpty(rule.Message))
        {
            why.Add("Message when it fires: \"" + rule.Message + "\"");
        }

        if (!string.IsNullOrEmpty(rule.Remediation))
        {
            why.Add("To comply: " + rule.Remediation);
        }

        if (why.Count > 0)
        {
            writer.Bullets(why);
        }

        var examples = _policy.Tests.Where(t => t.Expect.Violations.Contains(rule.Id, StringComparer.Ordinal)).ToList();
        if (examples.Count > 0)
        {
            writer.Paragraph("Examples from the policy's test cases:");
            writer.Bullets(examples.Select(ExampleText));
        }
    }

    private static string RuleAnchor(Rule rule) => "rule-" + rule.Id;

    private static string ExampleText(PolicyTest test)
    {
        var input = test.Input == null ? "no input" : "input " + ConditionText.Data(test.Input);
        var expected = test.Expect.Effect == null ? "" : " → " + Kebab(test.Expect.Effect.Value.ToString());
        return $"{test.Name} (`{test.Action}`, {input}){expected}";
    }

    private void WriteClassification(IDocumentWriter writer)
    {
        var classification = _policy.Classification;
        writer.Heading(2, "Classification", "classification");
        if (classification.Categories.Count == 0 && classification.ProtectedAttributes.Count == 0 && classification.Proxies.Count == 0)
        {
            writer.Paragraph("The policy classifies no data.");
            return;
        }

        if (classification.Categories.Count > 0)
        {
            writer.Heading(3, "Personal data categories");
            writer.Table(
                new[] { "Category", "Level", "Masked in logs", "Input fields", "Code symbols", "Description" },
                classification.Categories.Select(c => (IReadOnlyList<string>)new[] { $"`{c.Id}`", Kebab(c.Level.ToString()), c.RedactInLogs ? "yes" : "no", Codes(c.Fields), Codes(c.Symbols), c.Description }));
        }

        if (classification.ProtectedAttributes.Count > 0)
        {
            writer.Heading(3, "Protected attributes");
            writer.Paragraph("These personal traits must never decide routing, priority, price or eligibility.");
            writer.Table(
                new[] { "Attribute", "Input fields", "Code symbols", "Description" },
                classification.ProtectedAttributes.Select(a => (IReadOnlyList<string>)new[] { $"`{a.Id}`", Codes(a.Fields), Codes(a.Symbols), a.Description }));
        }

        if (classification.Proxies.Count > 0)
        {
            writer.Heading(3, "Proxies");
            writer.Paragraph("Data that can stand in for a protected attribute, and is treated like it.");
            writer.Table(
                new[] { "Proxy", "Stands for", "Input fields", "Code symbols", "Description" },
                classification.Proxies.Select(p => (IReadOnlyList<string>)new[] { $"`{p.Id}`", $"`{p.StandsFor}`", Codes(p.Fields), Codes(p.Symbols), p.Description }));
        }
    }

    private void WriteConsent(IDocumentWriter writer)
    {
        var consent = _policy.Consent;
        writer.Heading(2, "Consent", "consent");
        if (consent.Purposes.Count == 0 && consent.Requirements.Count == 0)
        {
            writer.Paragraph("The policy defines no consent purposes.");
            return;
        }

        if (consent.Purposes.Count > 0)
        {
            writer.Heading(3, "Purposes");
            writer.Table(
                new[] { "Purpose", "As the customer was told", "Data it needs" },
                consent.Purposes.Select(p => (IReadOnlyList<string>)new[] { $"`{p.Id}`", p.Title, Codes(p.Needs) }));
        }

        if (consent.Requirements.Count > 0)
        {
            writer.Heading(3, "When consent is required");
            writer.Table(
                new[] { "Data categories", "Shared with", "Needs consent for" },
                consent.Requirements.Select(r => (IReadOnlyList<string>)new[] { Codes(r.Categories), r.Recipients.Count == 0 || r.Recipients.Contains("*") ? "any third party" : Codes(r.Recipients), $"`{r.Purpose}`" }));
        }
    }

    private void WriteRouting(IDocumentWriter writer)
    {
        if (_policy.Routing.Count == 0)
        {
            return;
        }

        writer.Heading(2, "Routing, prioritisation, pricing and eligibility tables", "routing");
        foreach (var table in _policy.Routing)
        {
            writer.Heading(3, $"`{table.Id}` ({table.Context}, action `{table.Action}`)");
            var rows = table.Routes.Select((r, i) => (IReadOnlyList<string>)new[] { (i + 1).ToString(CultureInfo.InvariantCulture), ConditionText.Inline(r.When), $"`{r.Result}`", r.Reason }).ToList();
            rows.Add(new[] { "-", "no route above matched", Or(table.Default == "" ? "" : $"`{table.Default}`", "(none)"), "default" });
            writer.Table(new[] { "Order", "When", "Result", "Reason" }, rows);
        }
    }

    private void WriteSlas(IDocumentWriter writer)
    {
        writer.Heading(2, "Deadlines (SLAs)", "slas");
        if (_policy.Slas.Count == 0)
        {
            writer.Paragraph("The policy sets no deadlines.");
            return;
        }

        writer.Table(
            new[] { "SLA", "Kind", "Channel", "Priority", "Within", "Reason" },
            _policy.Slas.Select(s => (IReadOnlyList<string>)new[] { $"`{s.Id}`", Kebab(s.Kind.ToString()), Or(s.Channel, "every channel"), Or(s.Priority, "every priority"), Duration(s.Within), s.Reason }));
    }

    private void WriteAuthority(IDocumentWriter writer)
    {
        writer.Heading(2, "Authority limits", "authority");
        if (_policy.Authority.Count == 0)
        {
            writer.Paragraph("The policy sets no authority limits.");
            return;
        }

        writer.Paragraph("How much each role may grant without approval; above the limit, approval is required.");
        writer.Table(
            new[] { "Role", "Action", "Up to" },
            _policy.Authority.Select(a => (IReadOnlyList<string>)new[] { a.Role, $"`{a.Action}`", (a.Max.ToString("0.##", CultureInfo.InvariantCulture) + " " + a.Currency).Trim() }));
    }

    private void WriteText(IDocumentWriter writer)
    {
        var text = _policy.Text;
        writer.Heading(2, "Customer-facing text", "text");
        var languages = text.Claims.Keys.Concat(text.Disrespectful.Keys).Concat(text.Promises.Keys).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
        if (languages.Count == 0 && text.Patterns.Count == 0)
        {
            writer.Paragraph("The policy lists no banned phrases.");
            return;
        }

        if (languages.Count > 0)
        {
            writer.Paragraph("Phrases are matched whatever their case or accents, on word boundaries.");
            writer.Table(
                new[] { "Language", "Prohibited claims", "Disrespectful terms", "Promises that need a deadline" },
                languages.Select(l => (IReadOnlyList<string>)new[] { $"`{l}`", Phrases(text.Claims, l), Phrases(text.Disrespectful, l), Phrases(text.Promises, l) }));
        }

        if (text.Patterns.Count > 0)
        {
            writer.Heading(3, "Patterns");
            writer.Table(
                new[] { "Pattern", "Kind", "Regular expression", "Catches" },
                text.Patterns.Select(p => (IReadOnlyList<string>)new[] { $"`{p.Id}`", p.Kind, $"`{p.Regex}`", p.Description }));
        }
    }

    private static string Phrases(Dictionary<string, List<string>> byLanguage, string language) =>
        byLanguage.TryGetValue(language, out var phrases) && phrases.Count > 0 ? string.Join(", ", phrases.Select(p => "\"" + p + "\"")) : "";

    private static string EffectText(Rule rule) => rule.Effect switch
    {
        RuleEffect.Deny => "the action is refused",
        RuleEffect.Warn => "the action goes ahead; a violation is recorded",
        RuleEffect.RequireApproval => $"the action needs approval (`{Or(rule.Obligation, "approval")}`)",
        _ => $"the action goes ahead with the obligation `{Or(rule.Obligation, rule.Id)}`",
    };

    private static string Codes(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : string.Join(", ", list.Select(i => "`" + i + "`"));
    }

    private static string Or(string text, string fallback) => string.IsNullOrEmpty(text) ? fallback : text;

    /// <summary>A duration as the policy writes it: 30m, 4h, 2d, 1d12h (the loader's own formatting).</summary>
    public static string Duration(TimeSpan span) => ServicePolicy.Core.Loading.DurationParser.Format(span);

    /// <summary>An enum name as YAML writes it: RequireApproval → require-approval (the model's own naming).</summary>
    public static string Kebab(string name) => ServicePolicy.Core.Loading.ModelReflection.KebabCase(name);
}
