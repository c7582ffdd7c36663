using System.Collections.Concurrent;
using ServicePolicy;
using ServicePolicy.Annotations;

/// <summary>A customer as the app stores it; the analyzers know from the policy (or these attributes) what is personal.</summary>
public sealed record Customer(string Id, [property: PersonalData("identity")] string Name, [property: PersonalData("contact")] string Email);

/// <summary>The contact card the partner CRM receives.</summary>
public sealed record CrmContact(string CustomerId, [property: PersonalData("identity")] string Name, [property: PersonalData("contact")] string Email);

public sealed class CustomerStore
{
    private readonly ConcurrentDictionary<string, Customer> _customers = new(StringComparer.Ordinal)
    {
        ["c-42"] = new Customer("c-42", "Ana García", "ana@example.com"),
    };

    public Customer? Find(string id) => _customers.GetValueOrDefault(id);
}

/// <summary>The partner's CRM, a third party: every call discloses personal data, so every path to it needs a consent check.</summary>
public interface IPartnerCrm
{
    [ThirdPartySink("crm-provider")]   // the recipient as the policy's consent section names it
    Task PushContactAsync(CrmContact contact, CancellationToken cancellationToken);
}

/// <summary>Stands in for the partner's API client: keeps what it was sent.</summary>
public sealed class PartnerCrm : IPartnerCrm
{
    private readonly ConcurrentQueue<CrmContact> _sent = new();

    public Task PushContactAsync(CrmContact contact, CancellationToken cancellationToken)
    {
        _sent.Enqueue(contact);
        return Task.CompletedTask;
    }
}

/// <summary>The consent check in front of the CRM: the policy engine decides, the analyzers see the guard.</summary>
public sealed class CrmShare(IPolicyEngine engine)
{
    public const string Recipient = "crm-provider";
    public const string Purpose = "crm-sync";

    [ConsentCheck(Purpose)]
    public bool MayShare(string customerId, IReadOnlyList<string> fields, out Decision decision)
    {
        decision = engine.ShareData(new DataShareRequest(customerId, Recipient, Purpose, fields));
        return decision.IsAllowed && !decision.RequiresApproval;
    }
}
