namespace SupportDesk.Complaints;

using ServicePolicy;
using SupportDesk.Api;
using SupportDesk.Domain;
using SupportDesk.Messaging;
using SupportDesk.Storage;

/// <summary>
/// Complaints (P6, P9, P10): acknowledged with an apology when they arrive; the customer is told the
/// outcome with a notice; closing is refused with 409 Conflict while the complaint is not ready to
/// close (no resolution, no investigation record, no notice, or no apology when one is due). 409
/// and not 422: the request itself is well formed, it is the complaint's state that forbids it.
/// </summary>
public static class ComplaintEndpoints
{
    public static void MapComplaints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/tickets/{id}/complaints", Open);
        routes.MapPost("/complaints/{id}/notice", Notify);
        routes.MapPost("/complaints/{id}/close", Close);
    }

    private static IResult Open(string id, HelpDeskStore store, IPolicyEngine engine, Outbox outbox, TimeProvider clock)
    {
        var ticket = store.FindTicket(id);
        if (ticket == null)
        {
            return PolicyResults.NotFound("ticket", id);
        }

        var now = clock.GetUtcNow();
        var complaint = new Complaint { Id = store.NextId("k"), CustomerId = ticket.CustomerId, TicketId = ticket.Id, Channel = ticket.Channel, ReceivedAt = now };
        outbox.SendReply(ticket.Id, "complaint-acknowledgement", ticket.Language, ComplaintTexts.Acknowledgement(ticket.Language, complaint.Id));
        complaint.AcknowledgedAt = now;
        store.Add(complaint);
        var decision = engine.AcknowledgeComplaint(new ComplaintAcknowledgeRequest(complaint.Id, complaint.ReceivedAt, complaint.Channel, now, Apology: true));
        return Results.Created($"/complaints/{complaint.Id}", new { id = complaint.Id, acknowledged = true, decision = DecisionView.From(decision) });
    }

    private static IResult Notify(string id, ComplaintNoticeRequest request, HelpDeskStore store, IPolicyEngine engine, Outbox outbox)
    {
        var complaint = store.FindComplaint(id);
        if (complaint == null)
        {
            return PolicyResults.NotFound("complaint", id);
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return PolicyResults.Problem(StatusCodes.Status400BadRequest, "Empty notice", "A notice needs a text telling the customer the outcome.");
        }

        var ticket = store.FindTicket(complaint.TicketId);
        var language = request.Language ?? ticket?.Language ?? "en";
        var decision = engine.CheckMessage(new MessageRequest(request.Text, language, Kind: "complaint-notice", Channel: complaint.Channel));
        if (!decision.IsAllowed)
        {
            return PolicyResults.Refused(decision, StatusCodes.Status422UnprocessableEntity, "Notice refused by the policy");
        }

        var sent = outbox.SendReply(complaint.TicketId, "complaint-notice", language, request.Text);
        complaint.RecordNotice(sent.SentAt, request.Apology);
        return Results.Created($"/complaints/{complaint.Id}/notice/{sent.Id}", new { id = sent.Id, decision = DecisionView.From(decision) });
    }

    private static IResult Close(string id, CloseComplaintRequest request, HelpDeskStore store, IPolicyEngine engine, Outbox outbox, TimeProvider clock)
    {
        var complaint = store.FindComplaint(id);
        if (complaint == null)
        {
            return PolicyResults.NotFound("complaint", id);
        }

        if (complaint.IsClosed)
        {
            return PolicyResults.Problem(StatusCodes.Status409Conflict, "Already closed", $"Complaint {complaint.Id} was closed at {complaint.ClosedAt:O}.");
        }

        var now = clock.GetUtcNow();
        // The desk knows whether the customer was told and apologised to (the notices it sent);
        // the agent states the resolution, the investigation and whether we were at fault.
        var decision = engine.CloseComplaint(new ComplaintCloseRequest(
            complaint.Id,
            request.Resolution,
            CustomerNotified: complaint.CustomerNotifiedAt != null,
            Investigation: request.Investigation,
            ApologyDue: request.CompanyAtFault,
            Apologised: complaint.Apologised,
            FeedbackRequested: false,
            ReceivedAt: complaint.ReceivedAt,
            ClosedAt: now));
        if (!decision.IsAllowed)
        {
            return PolicyResults.Refused(decision, StatusCodes.Status409Conflict, "The complaint cannot be closed yet");
        }

        complaint.Close(now, request.Resolution ?? "");
        // The request-feedback obligation (P9): the desk sends the survey itself.
        var feedbackRequested = decision.Obligations.Any(o => o.Name == "request-feedback");
        if (feedbackRequested)
        {
            var language = store.FindTicket(complaint.TicketId)?.Language ?? "en";
            outbox.SendReply(complaint.TicketId, "feedback-survey", language, ComplaintTexts.FeedbackSurvey(language));
        }

        return Results.Ok(new { id = complaint.Id, closed = true, feedbackRequested, decision = DecisionView.From(decision) });
    }
}

public sealed record ComplaintNoticeRequest(string Text, bool Apology = false, string? Language = null);

public sealed record CloseComplaintRequest(string? Resolution, string? Investigation, bool CompanyAtFault = false);
