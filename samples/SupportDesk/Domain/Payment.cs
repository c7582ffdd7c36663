namespace SupportDesk.Domain;

/// <summary>A refund or credit given to a customer on a ticket, with who gave it, why, and who approved it.</summary>
public sealed record Payment(string Id, string TicketId, string Kind, decimal Amount, string Currency, string AgentId, string Reason, string? ApprovedBy, DateTimeOffset IssuedAt);
