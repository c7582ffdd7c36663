namespace SupportDesk.Unsafe;

/// <summary>Routing "by intuition". The class name matches the policy's routing context (*Router).</summary>
public sealed class CarelessTicketRouter
{
    public string Route(Ticket ticket)
    {
        // SP2001: the protected attribute gender (Customer.Gender) is read in a routing decision.
        if (ticket.Customer.Gender == "female")
        {
            return "gentle-agents";
        }

        // SP2001: the protected attribute age (Customer.Age) is read in a routing decision.
        return ticket.Customer.Age > 70 ? "slow-lane" : "general";
    }
}
