namespace ServicePolicy;

using System.Text;

/// <summary>One condition (or all / any / not) of a rule or route, with the value it saw and whether it held.</summary>
public sealed class ConditionExplanation
{
    public ConditionExplanation(int depth, string text, string? actual, bool held)
    {
        Depth = depth;
        Text = text;
        Actual = actual;
        Held = held;
    }

    /// <summary>Nesting level (0 for a rule's top condition).</summary>
    public int Depth { get; }

    /// <summary>The test as the policy writes it: <c>amount gt 100</c>, or <c>all of:</c>.</summary>
    public string Text { get; }

    /// <summary>The value tested (*** for personal data), or null for all / any / not.</summary>
    public string? Actual { get; }

    public bool Held { get; }
}

/// <summary>A rule the engine considered for the decision, and why it fired or not.</summary>
public sealed class RuleExplanation
{
    public RuleExplanation(string ruleId, string title, string principle, string effect, bool fired, IReadOnlyList<ConditionExplanation> conditions)
    {
        RuleId = ruleId;
        Title = title;
        Principle = principle;
        Effect = effect;
        Fired = fired;
        Conditions = conditions;
    }

    public string RuleId { get; }

    public string Title { get; }

    public string Principle { get; }

    /// <summary>deny, warn, require-approval or obligation.</summary>
    public string Effect { get; }

    public bool Fired { get; }

    /// <summary>Empty when the rule has no condition (it fires on every request).</summary>
    public IReadOnlyList<ConditionExplanation> Conditions { get; }
}

/// <summary>A derived fact the engine computed (consent state, matched phrases, limits, deadlines, routing result).</summary>
public sealed class FactExplanation
{
    public FactExplanation(string name, string value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }
}

/// <summary>
/// Why a decision came out as it did: the facts the engine derived, the routing table's steps,
/// and every rule of the action with each condition's outcome and the value it saw. Personal
/// values appear as ***.
/// </summary>
public sealed class DecisionExplanation
{
    internal static readonly DecisionExplanation Empty = new(Array.Empty<FactExplanation>(), Array.Empty<ConditionExplanation>(), Array.Empty<RuleExplanation>(), Array.Empty<string>());

    public DecisionExplanation(IReadOnlyList<FactExplanation> facts, IReadOnlyList<ConditionExplanation> routing, IReadOnlyList<RuleExplanation> rules, IReadOnlyList<string> notes)
    {
        Facts = facts;
        Routing = routing;
        Rules = rules;
        Notes = notes;
    }

    public IReadOnlyList<FactExplanation> Facts { get; }

    /// <summary>For routing, prioritisation, pricing and eligibility: each route tried, in order.</summary>
    public IReadOnlyList<ConditionExplanation> Routing { get; }

    public IReadOnlyList<RuleExplanation> Rules { get; }

    /// <summary>Problems with the input or the policy that decided the outcome.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The explanation as indented text for a compliance officer.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var note in Notes)
        {
            text.Append("Note: ").AppendLine(note);
        }

        if (Facts.Count > 0)
        {
            text.AppendLine("Facts derived by the engine:");
            foreach (var fact in Facts)
            {
                text.Append("  ").Append(fact.Name).Append(" = ").AppendLine(fact.Value);
            }
        }

        if (Routing.Count > 0)
        {
            text.AppendLine("Routing table:");
            AppendConditions(text, Routing, "  ");
        }

        text.AppendLine(Rules.Count == 0 ? "No rule of the policy applies to this action." : "Rules considered:");
        foreach (var rule in Rules)
        {
            text.Append("  ").Append(rule.Fired ? "FIRED    " : "not fired").Append(' ').Append(rule.RuleId)
                .Append(" (").Append(rule.Principle).Append(", ").Append(rule.Effect).Append(')');
            if (rule.Title.Length > 0)
            {
                text.Append(": ").Append(rule.Title);
            }

            text.AppendLine();
            if (rule.Conditions.Count == 0)
            {
                text.AppendLine("      (no condition: applies to every request)");
            }

            AppendConditions(text, rule.Conditions, "      ");
        }

        return text.ToString();
    }

    private static void AppendConditions(StringBuilder text, IReadOnlyList<ConditionExplanation> conditions, string indent)
    {
        foreach (var condition in conditions)
        {
            text.Append(indent).Append(new string(' ', condition.Depth * 2))
                .Append(condition.Held ? "[held]   " : "[failed] ")
                .Append(condition.Text);
            if (condition.Actual != null)
            {
                text.Append("   (actual: ").Append(condition.Actual).Append(')');
            }

            text.AppendLine();
        }
    }

    public override string ToString() => ToText();
}
