namespace SupportDesk.Sharing;

using System.Collections.Concurrent;

/// <summary>
/// The partner CRM, simulated in memory so that the sample runs without a network. A real client
/// would POST the card to the partner's API; it would implement <see cref="IPartnerCrm"/> the same way.
/// </summary>
public sealed class SimulatedPartnerCrm : IPartnerCrm
{
    private readonly ConcurrentQueue<CrmContact> _received = new();

    /// <summary>What the partner has received so far, oldest first.</summary>
    public IReadOnlyList<CrmContact> Received => _received.ToArray();

    public Task PushContactAsync(CrmContact contact, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _received.Enqueue(contact);
        return Task.CompletedTask;
    }
}
