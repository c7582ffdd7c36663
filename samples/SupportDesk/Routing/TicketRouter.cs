namespace SupportDesk.Routing;

using ServicePolicy;
using ServicePolicy.Annotations;
using SupportDesk.Domain;

/// <summary>
/// Chooses a ticket's queue and priority with the policy's routing tables (P2). It sees the
/// ticket only: never the customer's gender, origin, age, religion, disability or spend. The
/// analyzers check that no protected attribute is read in here (SP2001), and the engine refuses a
/// routing input that carries one.
/// </summary>
[DecisionContext("routing")]
public sealed class TicketRouter
{
    /// <summary>Where a ticket goes when the policy cannot decide: a person triages it by hand.</summary>
    public const string TriageQueue = "triage";
    public const string DefaultPriority = "normal";

    private readonly IPolicyEngine _engine;

    public TicketRouter(IPolicyEngine engine) => _engine = engine;

    public RoutingOutcome Route(Ticket ticket)
    {
        var facts = new TicketRouteRequest(
            new CustomerFacts(Id: ticket.CustomerId),
            new TicketFacts(Id: ticket.Id, Category: ticket.Category, Channel: ticket.Channel, Language: ticket.Language, IsComplaint: ticket.IsComplaint));
        var route = _engine.RouteTicket(facts);
        var priority = _engine.PrioritiseTicket(facts);
        return new RoutingOutcome(
            route.IsAllowed && route.Result != null ? route.Result : TriageQueue,
            priority.IsAllowed && priority.Result != null ? priority.Result : DefaultPriority,
            route,
            priority);
    }
}

/// <summary>The queue and priority chosen, with the two decisions that chose them.</summary>
public sealed record RoutingOutcome(string Queue, string Priority, Decision RouteDecision, Decision PriorityDecision);
