namespace SupportDesk.Domain;

/// <summary>A call-back or e-mail promised to a customer (P4), with its owner and due time.</summary>
public sealed record FollowUp(string Id, string TicketId, string Owner, string Channel, DateTimeOffset PromisedAt, DateTimeOffset DueAt);
