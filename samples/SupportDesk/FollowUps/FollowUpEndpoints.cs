namespace SupportDesk.FollowUps;

using ServicePolicy;
using SupportDesk.Api;
using SupportDesk.Domain;
using SupportDesk.Storage;

/// <summary>
/// Promised call-backs and e-mails (P4): a promise needs an owner and a due time within the
/// follow-up deadline; otherwise 422 with the decision's explanation, and nothing is promised.
/// </summary>
public static class FollowUpEndpoints
{
    public static void MapFollowUps(this IEndpointRouteBuilder routes) => routes.MapPost("/tickets/{id}/follow-ups", Promise);

    private static IResult Promise(string id, FollowUpRequest request, HelpDeskStore store, IPolicyEngine engine, TimeProvider clock)
    {
        var ticket = store.FindTicket(id);
        if (ticket == null)
        {
            return PolicyResults.NotFound("ticket", id);
        }

        var now = clock.GetUtcNow();
        var channel = string.IsNullOrWhiteSpace(request.Channel) ? ticket.Channel : request.Channel;
        var decision = engine.PromiseFollowUp(new FollowUpPromiseRequest(request.Owner, request.DueAt, channel, now));
        if (!decision.IsAllowed)
        {
            return PolicyResults.Refused(decision, StatusCodes.Status422UnprocessableEntity, "Follow-up refused by the policy");
        }

        var followUp = new FollowUp(store.NextId("f"), ticket.Id, request.Owner ?? "", channel, now, request.DueAt ?? now);
        store.Add(followUp);
        return Results.Created($"/tickets/{ticket.Id}/follow-ups/{followUp.Id}", new { id = followUp.Id, owner = followUp.Owner, dueAt = followUp.DueAt, decision = DecisionView.From(decision) });
    }
}

/// <summary>Who will call or write back, by when, and how.</summary>
public sealed record FollowUpRequest(string? Owner, DateTimeOffset? DueAt, string? Channel = null);
