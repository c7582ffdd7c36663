namespace SupportDesk.Domain;

/// <summary>A request from a customer, routed to a queue with a priority when it arrives.</summary>
public sealed class Ticket
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>billing, technical, delivery, outage, question...</summary>
    public required string Category { get; init; }

    /// <summary>email, chat, phone, webform, social.</summary>
    public required string Channel { get; init; }

    public required string Language { get; init; }

    public bool IsComplaint { get; init; }

    public required string Subject { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public string Queue { get; set; } = "";

    public string Priority { get; set; } = "";
}
