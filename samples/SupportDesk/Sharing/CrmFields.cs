namespace SupportDesk.Sharing;

using ServicePolicy;
using SupportDesk.Domain;
using SupportDesk.Storage;

/// <summary>The customer fields the desk can send to the CRM, by the names the policy classifies.</summary>
public static class CrmFields
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Language = "language";
    public const string TicketHistory = "ticketHistory";

    /// <summary>What a CRM sync sends unless the request asks for other fields.</summary>
    public static readonly IReadOnlyList<string> Default = new[] { Name, Email, Phone };

    public static readonly IReadOnlyList<string> Known = new[] { Name, Email, Phone, Language, TicketHistory };

    public static IReadOnlyList<string> Unknown(IEnumerable<string> fields) => fields.Where(f => !Known.Contains(f, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// The requested fields minus those the decision's drop-unneeded-fields obligation names: the
    /// purpose does not need them, so they never leave the desk.
    /// </summary>
    public static IReadOnlyList<string> KeptAfter(Decision decision, IReadOnlyList<string> requested)
    {
        var unneeded = decision.Obligations
            .Where(o => o.Name == "drop-unneeded-fields")
            .SelectMany(o => o.Details.TryGetValue("fields.unneeded", out var value) && value is IEnumerable<object?> items ? items : Array.Empty<object?>())
            .Select(item => item?.ToString())
            .ToHashSet(StringComparer.Ordinal);
        return requested.Where(f => !unneeded.Contains(f)).ToList();
    }

    /// <summary>The contact card with only the kept fields filled in.</summary>
    public static CrmContact Card(Customer customer, IReadOnlyList<string> kept, HelpDeskStore store) => new(
        customer.Id,
        kept.Contains(Name) ? customer.Name : null,
        kept.Contains(Email) ? customer.Email : null,
        kept.Contains(Phone) ? customer.Phone : null,
        kept.Contains(Language) ? customer.Language : null,
        kept.Contains(TicketHistory) ? store.TicketsOf(customer.Id).Select(t => t.Subject).ToList() : null);
}
