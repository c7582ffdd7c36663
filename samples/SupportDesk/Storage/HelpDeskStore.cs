namespace SupportDesk.Storage;

using System.Collections.Concurrent;
using SupportDesk.Domain;

/// <summary>
/// The desk's records, in memory (the sample has no database). Thread-safe: endpoints run
/// concurrently. Identifiers are readable sequence numbers (c-1001, t-1001...).
/// </summary>
public sealed class HelpDeskStore
{
    private readonly ConcurrentDictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Ticket> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Complaint> _complaints = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FollowUp> _followUps = new();
    private readonly ConcurrentQueue<Payment> _payments = new();
    private long _sequence = 1000;

    /// <summary>A new identifier with the given prefix: c-1001, t-1002, k-1003...</summary>
    public string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}";

    public void Add(Customer customer) => _customers[customer.Id] = customer;

    public Customer? FindCustomer(string id) => _customers.TryGetValue(id, out var customer) ? customer : null;

    public void Add(Ticket ticket) => _tickets[ticket.Id] = ticket;

    public Ticket? FindTicket(string id) => _tickets.TryGetValue(id, out var ticket) ? ticket : null;

    public IEnumerable<Ticket> TicketsOf(string customerId) => _tickets.Values.Where(t => t.CustomerId == customerId).OrderBy(t => t.ReceivedAt);

    public void Add(Complaint complaint) => _complaints[complaint.Id] = complaint;

    public Complaint? FindComplaint(string id) => _complaints.TryGetValue(id, out var complaint) ? complaint : null;

    public void Add(FollowUp followUp) => _followUps.Enqueue(followUp);

    public IReadOnlyList<FollowUp> FollowUpsOf(string ticketId) => _followUps.Where(f => f.TicketId == ticketId).ToList();

    public void Add(Payment payment) => _payments.Enqueue(payment);

    public IReadOnlyList<Payment> PaymentsOf(string ticketId) => _payments.Where(p => p.TicketId == ticketId).ToList();
}
