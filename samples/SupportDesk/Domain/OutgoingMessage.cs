namespace SupportDesk.Domain;

/// <summary>A message that left the desk for a customer (reply, complaint notice, feedback survey).</summary>
public sealed record OutgoingMessage(string Id, string TicketId, string Kind, string Language, string Text, DateTimeOffset SentAt);
