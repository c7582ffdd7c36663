namespace App;

public sealed class TicketRouter
{
    // Routes on a protected attribute (SP2001).
    public string Route(Customer customer) => customer.Gender == "female" ? "queue-a" : "queue-b";
}

public sealed class Replies
{
    public void Send(string body) => Console.WriteLine(body);

    // A prohibited claim in customer-facing text (SP3001).
    public void Promise() => Send("This upgrade is guaranteed to fix everything.");
}
