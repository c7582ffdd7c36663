namespace ServicePolicy.Core.Model;

/// <summary>
/// A policy: one YAML file, or the merged result of a file and everything it includes. Engine,
/// analyzers and command-line tool all read this one model.
/// </summary>
[Help("A ServicePolicy policy: the promises a customer-service team keeps, written as data.")]
public sealed class Policy : PolicyElement
{
    /// <summary>The only format version this library reads.</summary>
    public const string CurrentApiVersion = "servicepolicy/v1";

    [RequiredKey]
    [AllowedValues(CurrentApiVersion)]
    [Help("The format version of this file. Always `servicepolicy/v1` for now.", Example = "apiVersion: servicepolicy/v1")]
    public string ApiVersion { get; set; } = "";

    [Help("Name, version and owner of the policy; the version is written into every decision log.")]
    public PolicyMetadata Metadata { get; set; } = new();

    [Help("Other policy files this one builds on, relative to this file. This file wins over what it includes; a later include wins over an earlier one.", Example = "include:\n  - ../service-ethics.yaml")]
    public List<string> Include { get; set; } = new();

    [Help("Rule ids from included files to switch off in this policy.", Example = "disable:\n  - P9-request-feedback")]
    public List<string> Disable { get; set; } = new();

    [Help("What counts as personal data, protected attributes and their proxies, and where they appear in data and code.")]
    public Classification Classification { get; set; } = new();

    [Help("The recipients register: every team, processor and third party customer data may go to, with its kind, purposes and agreement.")]
    public List<Recipient> Recipients { get; set; } = new();

    [Help("Consent purposes, and which data needs which purpose before it may be shared with whom.")]
    public ConsentSettings Consent { get; set; } = new();

    [Help("The rules: each checks one promise when the application asks for a decision.")]
    public List<Rule> Rules { get; set; } = new();

    [Help("Routing, prioritisation, pricing and eligibility tables. They may never test a protected attribute or a proxy.")]
    public List<RoutingTable> Routing { get; set; } = new();

    [Help("Deadlines: first response per channel, complaint acknowledgement and resolution, follow-ups, billing corrections.")]
    public List<Sla> Slas { get; set; } = new();

    [Help("How much each role may refund or credit without approval.")]
    public List<AuthorityLimit> Authority { get; set; } = new();

    [Help("Words and phrases customer messages must not contain, per language, and promises that need a deadline.")]
    public TextRules Text { get; set; } = new();

    [Help("Where the build-time analyzers look: third-party sinks, log sinks, consent checks, redactors, decision contexts, customer-facing text.")]
    public AnalyzerSettings Analyzers { get; set; } = new();

    [Help("Extra actions, or extra input fields for built-in actions, that this policy's rules may test.")]
    public List<ActionDefinition> Actions { get; set; } = new();

    [Help("Named test cases: an action, its input and the decision expected. Run with `servicepolicy test`.")]
    public List<PolicyTest> Tests { get; set; } = new();

    [Help("How large a decision's input may be: the longest text and the longest list the engine checks. A file's limits win over those of the files it includes.", Example = "limits:\n  maxTextLength: 100000\n  maxListItems: 1000")]
    public PolicyLimits Limits { get; set; } = new();

    /// <summary>Every file that contributed to this policy, the root file first.</summary>
    public List<string> SourceFiles { get; set; } = new();

    /// <summary>Each file merged into this policy with its own name, version and content hash, in merge order (the root file last).</summary>
    public List<PolicyPack> Packs { get; } = new();

    /// <summary>The effective policy: its own name and version, the packs it includes, a content hash and the rules switched off. Set by the loader.</summary>
    public PolicyIdentity Identity { get; internal set; } = PolicyIdentity.Unknown;

    /// <summary>The declared recipient of that id (ignoring case), or null.</summary>
    public Recipient? FindRecipient(string id)
    {
        foreach (var recipient in Recipients)
        {
            if (string.Equals(recipient.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return recipient;
            }
        }

        return null;
    }
}

public sealed class PolicyMetadata : PolicyElement
{
    [Help("A short name for the policy.", Example = "name: service-ethics")]
    public string Name { get; set; } = "";

    [Help("The policy's version; decisions record it so an audit knows which rules were in force.", Example = "version: 1.0.0")]
    public string Version { get; set; } = "";

    [Help("What the policy is for, in a sentence or two.")]
    public string Description { get; set; } = "";

    [Help("Who answers for the policy (a team or a person).", Example = "owner: compliance@example.com")]
    public string Owner { get; set; } = "";
}
