namespace SupportDesk.Messaging;

using ServicePolicy;
using SupportDesk.Api;
using SupportDesk.Storage;

/// <summary>Replies to customers: 422 with the decision's explanation when the text breaks the policy (P3, P7).</summary>
public static class ReplyEndpoints
{
    public static void MapReplies(this IEndpointRouteBuilder routes) => routes.MapPost("/tickets/{id}/replies", Reply);

    private static IResult Reply(string id, ReplyRequest request, HelpDeskStore store, IPolicyEngine engine, Outbox outbox)
    {
        var ticket = store.FindTicket(id);
        if (ticket == null)
        {
            return PolicyResults.NotFound("ticket", id);
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return PolicyResults.Problem(StatusCodes.Status400BadRequest, "Empty reply", "A reply needs a text.");
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? ticket.Language : request.Language;
        var decision = engine.CheckMessage(new MessageRequest(request.Text, language, Kind: "reply", Channel: ticket.Channel, Deadline: request.Deadline));
        if (!decision.IsAllowed)
        {
            return PolicyResults.Refused(decision, StatusCodes.Status422UnprocessableEntity, "Reply refused by the policy");
        }

        var sent = outbox.SendReply(ticket.Id, "reply", language, request.Text);
        return Results.Created($"/tickets/{ticket.Id}/replies/{sent.Id}", new { id = sent.Id, decision = DecisionView.From(decision) });
    }
}

/// <summary>A reply; a reply that promises a call-back or an answer must say by when (deadline).</summary>
public sealed record ReplyRequest(string Text, string? Language = null, DateTimeOffset? Deadline = null);
