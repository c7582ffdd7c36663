namespace ServicePolicy;

// Typed inputs for the built-in actions. Property names map onto the action's fields
// (Subject -> subject, AgentRole -> agent.role, ComplaintId -> complaint.id), so these records
// go through the same compiled accessors as any other object.

/// <summary>data.share: <paramref name="Fields"/> are the names of the fields being sent (email, phone...).</summary>
public sealed record DataShareRequest(string Subject, string Recipient, string Purpose, IReadOnlyList<string> Fields);

/// <summary>The customer part of a routing, prioritisation, pricing or eligibility input. Carries no protected attributes by design.</summary>
public sealed record CustomerFacts(string? Id = null, string? Tier = null, decimal? Spend = null, string? Language = null);

/// <summary>The ticket part of a routing or prioritisation input.</summary>
public sealed record TicketFacts(string? Id = null, string? Category = null, string? Channel = null, string? Priority = null, string? Product = null, string? Language = null, bool IsComplaint = false);

/// <summary>ticket.route / ticket.prioritise input.</summary>
public sealed record TicketRouteRequest(CustomerFacts Customer, TicketFacts Ticket);

/// <summary>message.send: the text of a message about to reach a customer.</summary>
public sealed record MessageRequest(string Text, string? Language = null, string? Kind = null, string? Channel = null, decimal? TotalPrice = null, string? Terms = null, DateTimeOffset? Deadline = null);

/// <summary>refund.issue: an agent refunds <paramref name="Amount"/>.</summary>
public sealed record RefundRequest(string AgentRole, decimal Amount, string? Currency = null, string? AgentId = null, string? CustomerId = null, string? Reason = null, string? ApprovedBy = null, string? ApproverRole = null);

/// <summary>credit.issue: an agent grants a credit of <paramref name="Amount"/>.</summary>
public sealed record CreditRequest(string AgentRole, decimal Amount, string? Currency = null, string? AgentId = null, string? CustomerId = null, string? Reason = null, string? ApprovedBy = null, string? ApproverRole = null);

/// <summary>complaint.acknowledge: acknowledgedAt defaults to now.</summary>
public sealed record ComplaintAcknowledgeRequest(string ComplaintId, DateTimeOffset ReceivedAt, string? Channel = null, DateTimeOffset? AcknowledgedAt = null, bool Apology = false);

/// <summary>complaint.close: closedAt defaults to now.</summary>
public sealed record ComplaintCloseRequest(string ComplaintId, string? Resolution, bool CustomerNotified, string? Investigation = null, bool? ApologyDue = null, bool? Apologised = null, bool? FeedbackRequested = null, DateTimeOffset? ReceivedAt = null, DateTimeOffset? ClosedAt = null);

/// <summary>followup.promise: promisedAt defaults to now.</summary>
public sealed record FollowUpPromiseRequest(string? Owner, DateTimeOffset? DueAt, string? Channel = null, DateTimeOffset? PromisedAt = null);

/// <summary>followup.check: completedAt null means not done yet (checked against now).</summary>
public sealed record FollowUpCheckRequest(string? Owner, DateTimeOffset DueAt, DateTimeOffset? CompletedAt = null, DateTimeOffset? PromisedAt = null);

/// <summary>response.first: respondedAt defaults to now.</summary>
public sealed record FirstResponseRequest(string Channel, DateTimeOffset ReceivedAt, string? Priority = null, DateTimeOffset? RespondedAt = null);

/// <summary>billing.correct: correctedAt defaults to now.</summary>
public sealed record BillingCorrectionRequest(DateTimeOffset ReportedAt, DateTimeOffset? CorrectedAt = null, decimal? Amount = null);

/// <summary>ticket.resolve.</summary>
public sealed record TicketResolveRequest(string TicketId, string? Resolution, bool FeedbackRequested);
