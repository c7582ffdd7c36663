namespace SupportDesk.Sharing;

using ServicePolicy.Annotations;

/// <summary>The contact card the partner CRM receives: only the fields the share decision allowed.</summary>
public sealed record CrmContact(
    string CustomerId,
    [property: PersonalData("identity")] string? Name,
    [property: PersonalData("contact")] string? Email,
    [property: PersonalData("contact")] string? Phone,
    string? Language,
    [property: PersonalData("behaviour")] IReadOnlyList<string>? TicketHistory);
