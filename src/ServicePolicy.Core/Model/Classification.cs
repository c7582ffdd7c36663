namespace ServicePolicy.Core.Model;

public sealed class Classification : PolicyElement
{
    [Help("Kinds of personal data (contact details, payment data, health...).")]
    public List<DataCategory> Categories { get; set; } = new();

    [Help("Personal traits that must never decide routing, priority, price or eligibility.")]
    public List<ProtectedAttributeDefinition> ProtectedAttributes { get; set; } = new();

    [Help("Data that can stand in for a protected attribute (a first name for gender, a postcode for origin).")]
    public List<ProxyDefinition> Proxies { get; set; } = new();

    [Help("Field names declared not to be personal data (order ids, product codes...). Matched as whole names (any case or separators); a declared name carries no category and no protected trait.", Example = "nonPersonal: [orderId, sku, productCode]")]
    public List<string> NonPersonal { get; set; } = new();

    [Help("How a shared field that is neither classified nor declared non-personal is treated: personal (the default: it needs a registered recipient and is dropped as unneeded) or non-personal.", Example = "unclassifiedFields: personal")]
    public UnclassifiedFields UnclassifiedFields { get; set; } = UnclassifiedFields.Personal;
}

/// <summary>How a field the classification does not know is treated.</summary>
public enum UnclassifiedFields
{
    /// <summary>Closed: an unknown field is treated as personal data.</summary>
    Personal,

    /// <summary>Open, deliberately: an unknown field is treated as not personal.</summary>
    NonPersonal,
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

    [Help("Data of this category is never shared with anyone: a share that carries it is refused, not trimmed.", Example = "neverShared: true")]
    public bool NeverShared { get; set; }
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

    [Help("Registered recipients it applies to; `*` for every recipient outside the company (processors and third parties).", Example = "recipients: [\"*\"]")]
    public List<string> Recipients { get; set; } = new() { "*" };

    [RequiredKey]
    [Help("The consent purpose the customer must have granted.", Example = "purpose: crm-sync")]
    public string Purpose { get; set; } = "";

    /// <summary>
    /// Whether this requirement applies to data of <paramref name="categoryId"/> going to the
    /// recipient <paramref name="recipientId"/>: a recipient named here (ignoring case), or `*` (or no
    /// list) for every recipient outside the company; an internal team needs no third-party consent.
    /// The one place consent requirements are matched, for the engine and the analyzers alike.
    /// </summary>
    public bool Covers(string recipientId, Recipient? declared, string categoryId)
    {
        var recipientMatches = false;
        var outside = declared == null || declared.IsOutsideTheCompany;
        if (Recipients.Count == 0)
        {
            recipientMatches = outside;
        }

        foreach (var candidate in Recipients)
        {
            if ((candidate == "*" && outside) || string.Equals(candidate, recipientId, StringComparison.OrdinalIgnoreCase))
            {
                recipientMatches = true;
                break;
            }
        }

        if (!recipientMatches)
        {
            return false;
        }

        foreach (var id in Categories)
        {
            if (string.Equals(id, categoryId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
