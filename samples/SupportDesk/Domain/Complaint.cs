namespace SupportDesk.Domain;

/// <summary>
/// A complaint (P6). It is acknowledged when it arrives; it can be closed only once it has a
/// resolution, a record of the investigation, and a notice to the customer (and an apology when
/// the company was at fault).
/// </summary>
public sealed class Complaint
{
    private readonly object _gate = new();

    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public required string TicketId { get; init; }

    public required string Channel { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? CustomerNotifiedAt { get; private set; }

    public bool Apologised { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? Resolution { get; private set; }

    public bool IsClosed => ClosedAt != null;

    /// <summary>Records that the customer was told the outcome (with an apology or not).</summary>
    public void RecordNotice(DateTimeOffset at, bool apology)
    {
        lock (_gate)
        {
            CustomerNotifiedAt ??= at;
            Apologised |= apology;
        }
    }

    public void Close(DateTimeOffset at, string resolution)
    {
        lock (_gate)
        {
            ClosedAt = at;
            Resolution = resolution;
        }
    }
}
