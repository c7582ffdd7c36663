namespace ServicePolicy.Core.Model;

public sealed class Rule : PolicyElement
{
    [RequiredKey]
    [Help("A unique identifier; decisions and logs name the rule by it.", Example = "id: P1-share-needs-consent")]
    public string Id { get; set; } = "";

    [Help("A one-line summary a reviewer understands.")]
    public string Title { get; set; } = "";

    [RequiredKey]
    [AllowedValues("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10")]
    [Help("The principle (P1..P10) this rule protects.", Example = "principle: P1")]
    public string Principle { get; set; } = "";

    [Help("Optional references to the documents your organisation draws the rule's principle from (free text, such as a section number).", Example = "seeds: [\"code of conduct 4.2\"]")]
    public List<string> Seeds { get; set; } = new();

    [Help("info, warning, error or critical.", Example = "severity: error")]
    public Severity Severity { get; set; } = Severity.Error;

    [RequiredKey]
    [Help("The action or actions the rule applies to (data.share, ticket.route, message.send...).", Example = "action: data.share")]
    public List<string> Action { get; set; } = new();

    [Help("The condition under which the rule fires. Without it the rule fires on every request of its action.")]
    public Condition? When { get; set; }

    [Help("deny, warn, require-approval or obligation.", Example = "effect: deny")]
    public RuleEffect Effect { get; set; } = RuleEffect.Deny;

    [Help("What the caller must do when the rule fires (for require-approval and obligation).", Example = "obligation: supervisor-approval")]
    public string Obligation { get; set; } = "";

    [Help("The message shown when the rule fires; `{field}` is replaced with the value.", Example = "message: \"Consent for {consent.missing} is missing\"")]
    public string Message { get; set; } = "";

    [Help("What to do to comply.")]
    public string Remediation { get; set; } = "";

    [Help("Why the rule may branch on something that would otherwise look unfair (a customer's spend or tier in complaint handling, for example). Reviewed by a person.", Example = "justification: Customers on the accessibility plan get a call-back first, whatever they spend.")]
    public string Justification { get; set; } = "";

    [Help("Set to false to keep the rule written down but not enforced.")]
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// A condition: exactly one of all / any / not, or a test of one field (field, op, value).
/// </summary>
[Help("A condition: `all`, `any` or `not` over other conditions, or a test `field` / `op` / `value`.")]
public sealed class Condition : PolicyElement
{
    [Help("Every condition in the list holds.")]
    public List<Condition>? All { get; set; }

    [Help("At least one condition in the list holds.")]
    public List<Condition>? Any { get; set; }

    [Help("The condition does not hold.")]
    public Condition? Not { get; set; }

    [Help("The input field or derived fact to test.", Example = "field: amount")]
    public string? Field { get; set; }

    [Help("The comparison: eq, ne, gt, gte, lt, lte, in, not-in, contains, not-contains, starts-with, ends-with, matches, exists, missing, empty, not-empty.", Example = "op: gt")]
    public string? Op { get; set; }

    [Help("What to compare with: a number, text, yes/no, a list (for in / not-in) or a regular expression (for matches).")]
    public PolicyValue? Value { get; set; }
}

public static class ConditionOperators
{
    public static readonly IReadOnlyList<string> All = new[]
    {
        "eq", "ne", "gt", "gte", "lt", "lte", "in", "not-in", "contains", "not-contains",
        "starts-with", "ends-with", "matches", "exists", "missing", "empty", "not-empty",
    };

    /// <summary>Operators that take no value.</summary>
    public static readonly IReadOnlyList<string> Unary = new[] { "exists", "missing", "empty", "not-empty" };
}
