namespace ServicePolicy.Core.Model;

public sealed class Classification : PolicyElement
{
    [Help("Kinds of personal data (contact details, payment data, health...).")]
    public List<DataCategory> Categories { get; set; } = new();

    [Help("Personal traits that must never decide routing, priority, price or eligibility.")]
    public List<ProtectedAttributeDefinition> ProtectedAttributes { get; set; } = new();

    [Help("Data that can stand in for a protected attribute (a first name for gender, a postcode for origin).")]
    public List<ProxyDefinition> Proxies { get; set; } = new();
}

/// <summary>Something that can be found in runtime input (fields) and in code (symbols).</summary>
public abstract class ClassifiedItem : PolicyElement
{
    [RequiredKey]
    [Help("A short identifier, used elsewhere in the policy and in annotations.", Example = "id: contact")]
    public string Id { get; set; } = "";

    [Help("What this is, in plain words.")]
    public string Description { get; set; } = "";

    [Help("Names of fields in decision inputs that carry it (dots for nesting).", Example = "fields: [email, phone, customer.email]")]
    public List<string> Fields { get; set; } = new();

    [Help("Code members that carry it: `Type.Member`, `Namespace.Type.Member`, or with `*` wildcards.", Example = "symbols: [\"Customer.Email\", \"*.PhoneNumber\"]")]
    public List<string> Symbols { get; set; } = new();
}

public sealed class DataCategory : ClassifiedItem
{
    [Help("personal, sensitive or special (health, beliefs and the like).", Example = "level: personal")]
    public DataLevel Level { get; set; } = DataLevel.Personal;

    [Help("Whether values of this category must be masked in logs. Defaults to yes.")]
    public bool RedactInLogs { get; set; } = true;
}

public sealed class ProtectedAttributeDefinition : ClassifiedItem
{
}

public sealed class ProxyDefinition : ClassifiedItem
{
    [RequiredKey]
    [Help("The protected attribute this data can stand in for.", Example = "standsFor: gender")]
    public string StandsFor { get; set; } = "";
}

public sealed class ConsentSettings : PolicyElement
{
    [Help("Why data may be shared: each purpose names the data categories it really needs.")]
    public List<ConsentPurpose> Purposes { get; set; } = new();

    [Help("Which categories need which purpose's consent before they go to which recipients.")]
    public List<ConsentRequirement> Requirements { get; set; } = new();
}

public sealed class ConsentPurpose : PolicyElement
{
    [RequiredKey]
    [Help("A short identifier for the purpose.", Example = "id: crm-sync")]
    public string Id { get; set; } = "";

    [Help("The purpose as the customer was told it.")]
    public string Title { get; set; } = "";

    [Help("The data categories this purpose needs. Fields of other categories must be dropped before sharing.", Example = "needs: [contact, identity]")]
    public List<string> Needs { get; set; } = new();
}

public sealed class ConsentRequirement : PolicyElement
{
    [RequiredKey]
    [Help("The data categories this requirement covers.", Example = "categories: [contact]")]
    public List<string> Categories { get; set; } = new();

    [Help("Recipients it applies to; `*` for any third party.", Example = "recipients: [\"*\"]")]
    public List<string> Recipients { get; set; } = new() { "*" };

    [RequiredKey]
    [Help("The consent purpose the customer must have granted.", Example = "purpose: crm-sync")]
    public string Purpose { get; set; } = "";
}
