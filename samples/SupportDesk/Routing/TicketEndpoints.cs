namespace SupportDesk.Routing;

using SupportDesk.Api;
using SupportDesk.Domain;
using SupportDesk.Storage;

/// <summary>Opening a ticket: it is routed and prioritised on arrival, and the answer says how and why.</summary>
public static class TicketEndpoints
{
    public static void MapTickets(this IEndpointRouteBuilder routes) => routes.MapPost("/tickets", Open);

    private static IResult Open(OpenTicketRequest request, HelpDeskStore store, TicketRouter router, TimeProvider clock)
    {
        var customer = store.FindCustomer(request.CustomerId);
        if (customer == null)
        {
            return PolicyResults.NotFound("customer", request.CustomerId);
        }

        if (string.IsNullOrWhiteSpace(request.Category) || string.IsNullOrWhiteSpace(request.Subject))
        {
            return PolicyResults.Problem(StatusCodes.Status400BadRequest, "Incomplete ticket", "A ticket needs a category and a subject.");
        }

        var ticket = new Ticket
        {
            Id = store.NextId("t"),
            CustomerId = customer.Id,
            Category = request.Category,
            Channel = string.IsNullOrWhiteSpace(request.Channel) ? "email" : request.Channel,
            // Answering customers in their own language serves them; it is not a protected trait.
            Language = string.IsNullOrWhiteSpace(request.Language) ? customer.Language : request.Language,
            IsComplaint = request.IsComplaint,
            Subject = request.Subject,
            ReceivedAt = clock.GetUtcNow(),
        };
        var outcome = router.Route(ticket);
        ticket.Queue = outcome.Queue;
        ticket.Priority = outcome.Priority;
        store.Add(ticket);
        return Results.Created($"/tickets/{ticket.Id}", new
        {
            id = ticket.Id,
            queue = ticket.Queue,
            priority = ticket.Priority,
            routing = DecisionView.From(outcome.RouteDecision),
            prioritisation = DecisionView.From(outcome.PriorityDecision),
        });
    }
}

public sealed record OpenTicketRequest(string CustomerId, string Category, string Subject, string? Channel = null, string? Language = null, bool IsComplaint = false);
