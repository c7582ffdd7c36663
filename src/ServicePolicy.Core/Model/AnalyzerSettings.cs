namespace ServicePolicy.Core.Model;

/// <summary>
/// What the build-time analyzers look for. Method patterns are <c>Type.Method</c> or
/// <c>Namespace.Type.Method</c>, with <c>*</c> as a wildcard (<c>*.PostAsJsonAsync</c>).
/// </summary>
public sealed class AnalyzerSettings : PolicyElement
{
    [Help("Methods that send data outside the company.", Example = "thirdPartySinks:\n  - method: \"System.Net.Http.HttpClient.Post*\"\n    recipient: \"*\"")]
    public List<SinkBinding> ThirdPartySinks { get; set; } = new();

    [Help("Methods that write to logs.", Example = "logSinks:\n  - method: \"System.Console.WriteLine\"")]
    public List<SinkBinding> LogSinks { get; set; } = new();

    [Help("Methods that return true only when the customer consented.", Example = "consentChecks: [\"IConsentService.HasConsent*\"]")]
    public List<string> ConsentChecks { get; set; } = new();

    [Help("Methods that mask personal data; a value passed through one may be logged.", Example = "redactors: [\"Redact.Mask\"]")]
    public List<string> Redactors { get; set; } = new();

    [Help("Code in which protected attributes must not be read.")]
    public List<DecisionContextBinding> DecisionContexts { get; set; } = new();

    [Help("Methods whose text arguments reach customers: `Type.Method` or `Type.Method(parameter)`.", Example = "customerFacingText: [\"IReplySender.Send(body)\"]")]
    public List<string> CustomerFacingText { get; set; } = new();
}

public sealed class SinkBinding : PolicyElement
{
    [RequiredKey]
    [Help("The method pattern.", Example = "method: \"PartnerCrmClient.Upsert*\"")]
    public string Method { get; set; } = "";

    [Help("Who receives the data (third-party sinks): matched against consent requirements.", Example = "recipient: partner-crm")]
    public string Recipient { get; set; } = "";
}

public sealed class DecisionContextBinding : PolicyElement
{
    [RequiredKey]
    [AllowedValues("routing", "prioritisation", "pricing", "eligibility")]
    [Help("routing, prioritisation, pricing or eligibility.", Example = "context: routing")]
    public string Context { get; set; } = "";

    [Help("Type patterns (`*Router`, `MyApp.Pricing.*`).", Example = "types: [\"*Router\"]")]
    public List<string> Types { get; set; } = new();

    [Help("Method patterns (`TicketService.Assign*`).")]
    public List<string> Methods { get; set; } = new();

    [Help("Interfaces whose implementations are decision contexts.", Example = "interfaces: [\"ITicketRouter\"]")]
    public List<string> Interfaces { get; set; } = new();

    [Help("Namespace patterns (`MyApp.Routing*`).")]
    public List<string> Namespaces { get; set; } = new();
}

public sealed class ActionDefinition : PolicyElement
{
    [RequiredKey]
    [Help("The action's name; a built-in name adds input fields to it.", Example = "name: loyalty.grant")]
    public string Name { get; set; } = "";

    [AllowedValues("", "routing", "prioritisation", "pricing", "eligibility")]
    [Help("If the action is a decision, its kind; protected attributes are then refused in its input.", Example = "context: eligibility")]
    public string Context { get; set; } = "";

    [Help("What the action does.")]
    public string Description { get; set; } = "";

    [Help("Input fields and their types (text, number, yes-no, date-time, duration, list).", Example = "fields:\n  tier: text\n  points: number")]
    public Dictionary<string, string> Fields { get; set; } = new();
}

public sealed class PolicyTest : PolicyElement
{
    [RequiredKey]
    [Help("What the case shows, as a sentence.", Example = "name: sharing without consent is refused")]
    public string Name { get; set; } = "";

    [RequiredKey]
    [Help("The action to decide.", Example = "action: data.share")]
    public string Action { get; set; } = "";

    [Help("The decision's input.")]
    public PolicyValue? Input { get; set; }

    [Help("The world the case runs in: consents on record and the current time.")]
    public TestGiven Given { get; set; } = new();

    [RequiredKey]
    [Help("The expected decision.")]
    public TestExpectation Expect { get; set; } = new();
}

public sealed class TestGiven : PolicyElement
{
    [Help("Consents on record for the case.")]
    public List<ConsentRecord> Consents { get; set; } = new();

    [Help("The current time for deadline checks (ISO 8601).", Example = "now: 2026-01-10T09:00:00Z")]
    public DateTimeOffset? Now { get; set; }
}

public sealed class ConsentRecord : PolicyElement
{
    [RequiredKey]
    [Help("The customer (data subject).", Example = "subject: c-42")]
    public string Subject { get; set; } = "";

    [RequiredKey]
    [Help("The consent purpose.", Example = "purpose: crm-sync")]
    public string Purpose { get; set; } = "";

    [Help("The recipient it was granted for; `*` for every recipient.")]
    public string Recipient { get; set; } = "*";

    [Help("granted or withdrawn.", Example = "status: granted")]
    public ConsentStatus Status { get; set; } = ConsentStatus.Granted;
}

public sealed class TestExpectation : PolicyElement
{
    [Help("allow, deny or allow-with-obligations.", Example = "effect: deny")]
    public DecisionEffect? Effect { get; set; }

    [Help("Rule ids that must fire; with `exactly: true` no others may.", Example = "violations: [P1-share-needs-consent]")]
    public List<string> Violations { get; set; } = new();

    [Help("When true, the rules listed under violations are the only ones that may fire.")]
    public bool Exactly { get; set; }

    [Help("Obligations the decision must carry.", Example = "obligations: [supervisor-approval]")]
    public List<string> Obligations { get; set; } = new();

    [Help("For routing, prioritisation, pricing and eligibility: the expected result.", Example = "result: billing")]
    public string Result { get; set; } = "";
}
