namespace ServicePolicy.Core.Model;

public sealed class RoutingTable : PolicyElement
{
    [RequiredKey]
    [Help("A short identifier for the table.", Example = "id: support-queues")]
    public string Id { get; set; } = "";

    [Help("The action that consults the table.", Example = "action: ticket.route")]
    public string Action { get; set; } = "ticket.route";

    [AllowedValues("routing", "prioritisation", "pricing", "eligibility")]
    [Help("The kind of decision: routing, prioritisation, pricing or eligibility.", Example = "context: routing")]
    public string Context { get; set; } = "routing";

    [Help("Routes, tried in order; the first whose condition holds decides.")]
    public List<Route> Routes { get; set; } = new();

    [Help("The result when no route matches.", Example = "default: general")]
    public string Default { get; set; } = "";
}

public sealed class Route : PolicyElement
{
    [Help("When this route applies.")]
    public Condition? When { get; set; }

    [RequiredKey]
    [Help("The queue, priority, price tier or eligibility outcome.", Example = "result: billing")]
    public string Result { get; set; } = "";

    [Help("Why the route exists, for reviewers.")]
    public string Reason { get; set; } = "";

    [Help("Why the route may depend on something that would otherwise look unfair (what the customer spends, for example). Reviewed by a person.")]
    public string Justification { get; set; } = "";
}

public sealed class Sla : PolicyElement
{
    [RequiredKey]
    [Help("A short identifier.", Example = "id: first-response-email")]
    public string Id { get; set; } = "";

    [RequiredKey]
    [Help("first-response, complaint-acknowledge, complaint-resolve, follow-up or billing-correction.", Example = "kind: first-response")]
    public SlaKind Kind { get; set; }

    [Help("The channel it applies to (email, phone, chat...); empty for every channel.", Example = "channel: email")]
    public string Channel { get; set; } = "";

    [Help("The ticket priority it applies to; empty for every priority.", Example = "priority: high")]
    public string Priority { get; set; } = "";

    [RequiredKey]
    [Help("The deadline, as a duration: 30m, 4h, 2d, 1d12h.", Example = "within: 4h")]
    public TimeSpan Within { get; set; }

    [Help("Why this deadline differs from the same kind on other channels (consistency, P5).")]
    public string Reason { get; set; } = "";
}

public sealed class AuthorityLimit : PolicyElement
{
    [RequiredKey]
    [Help("The role: agent, senior-agent, supervisor...", Example = "role: agent")]
    public string Role { get; set; } = "";

    [RequiredKey]
    [Help("refund.issue or credit.issue.", Example = "action: refund.issue")]
    public string Action { get; set; } = "";

    [RequiredKey]
    [Help("The largest amount the role may grant without approval.", Example = "max: 100")]
    public decimal Max { get; set; }

    [Help("Currency of the amount.", Example = "currency: EUR")]
    public string Currency { get; set; } = "";
}

public sealed class TextRules : PolicyElement
{
    [Help("Exaggerated or false sales claims, per language code (en, es, it, ru...).", Example = "claims:\n  en: [guaranteed, no risk]\n  es: [garantizado, sin riesgo]")]
    public Dictionary<string, List<string>> Claims { get; set; } = new();

    [Help("Disrespectful words and phrases, per language code.", Example = "disrespectful:\n  en: [stupid]")]
    public Dictionary<string, List<string>> Disrespectful { get; set; } = new();

    [Help("Phrases that promise a follow-up and therefore need a deadline, per language code.", Example = "promises:\n  en: [we will call you back]")]
    public Dictionary<string, List<string>> Promises { get; set; } = new();

    [Help("Regular expressions for claims that words alone do not catch.")]
    public List<TextPattern> Patterns { get; set; } = new();
}

public sealed class TextPattern : PolicyElement
{
    [RequiredKey]
    [Help("A short identifier.", Example = "id: fake-scarcity")]
    public string Id { get; set; } = "";

    [AllowedValues("claim", "disrespectful", "promise")]
    [Help("claim, disrespectful or promise.", Example = "kind: claim")]
    public string Kind { get; set; } = "claim";

    [RequiredKey]
    [Help("A regular expression, matched case-insensitively after normalisation.", Example = "regex: \"only \\\\d+ left\"")]
    public string Regex { get; set; } = "";

    [Help("What the pattern catches.")]
    public string Description { get; set; } = "";
}
