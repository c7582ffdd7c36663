namespace SupportDesk.Payments;

using ServicePolicy;
using SupportDesk.Api;
using SupportDesk.Domain;
using SupportDesk.Storage;

/// <summary>
/// Refunds and credits (P8, P10). Within the agent's authority the money goes out at once (201);
/// above it the answer is 202 with the supervisor-approval obligation and nothing is paid until
/// the request is made again with approvedBy; a refusal (no reason given) is 422.
/// </summary>
public static class PaymentEndpoints
{
    public static void MapPayments(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/tickets/{id}/refunds", (string id, PaymentRequest request, HelpDeskStore store, AgentDirectory agents, IPolicyEngine engine, TimeProvider clock) =>
            Issue("refund", id, request, store, agents, clock, agent => engine.IssueRefund(new RefundRequest(agent.Role, request.Amount, request.Currency, agent.Id, CustomerIdOf(store, id), request.Reason, request.ApprovedBy, ApproverRoleOf(agents, request)))));
        routes.MapPost("/tickets/{id}/credits", (string id, PaymentRequest request, HelpDeskStore store, AgentDirectory agents, IPolicyEngine engine, TimeProvider clock) =>
            Issue("credit", id, request, store, agents, clock, agent => engine.IssueCredit(new CreditRequest(agent.Role, request.Amount, request.Currency, agent.Id, CustomerIdOf(store, id), request.Reason, request.ApprovedBy, ApproverRoleOf(agents, request)))));
    }

    private static string? CustomerIdOf(HelpDeskStore store, string ticketId) => store.FindTicket(ticketId)?.CustomerId;

    // The policy checks that the approver holds the authority for the amount, so it needs their role.
    private static string? ApproverRoleOf(AgentDirectory agents, PaymentRequest request) => agents.Find(request.ApprovedBy)?.Role;

    private static IResult Issue(string kind, string ticketId, PaymentRequest request, HelpDeskStore store, AgentDirectory agents, TimeProvider clock, Func<Agent, Decision> decide)
    {
        if (store.FindTicket(ticketId) == null)
        {
            return PolicyResults.NotFound("ticket", ticketId);
        }

        var agent = agents.Find(request.AgentId);
        if (agent == null)
        {
            return PolicyResults.Problem(StatusCodes.Status403Forbidden, "Unknown agent", $"'{request.AgentId}' is not a member of the support team.");
        }

        if (request.ApprovedBy != null && agents.Find(request.ApprovedBy) is not { IsSupervisor: true })
        {
            return PolicyResults.Problem(StatusCodes.Status403Forbidden, "Approval not valid", $"'{request.ApprovedBy}' is not a supervisor and cannot approve a {kind}.");
        }

        var decision = decide(agent);
        if (!decision.IsAllowed)
        {
            return PolicyResults.Refused(decision, StatusCodes.Status422UnprocessableEntity, $"The {kind} was refused by the policy");
        }

        if (decision.RequiresApproval)
        {
            // Nothing is paid: the agent asks a supervisor, then sends the same request with approvedBy.
            return Results.Json(new { status = "pending-approval", decision = DecisionView.From(decision) }, statusCode: StatusCodes.Status202Accepted);
        }

        var payment = new Payment(store.NextId(kind == "refund" ? "r" : "cr"), ticketId, kind, request.Amount, request.Currency ?? "EUR", agent.Id, request.Reason ?? "", request.ApprovedBy, clock.GetUtcNow());
        store.Add(payment);
        return Results.Created($"/tickets/{ticketId}/{kind}s/{payment.Id}", new { id = payment.Id, status = "issued", decision = DecisionView.From(decision) });
    }
}

/// <summary>A refund or credit asked for by an agent; the reason is required for the audit trail.</summary>
public sealed record PaymentRequest(string AgentId, decimal Amount, string? Currency = "EUR", string? Reason = null, string? ApprovedBy = null);
