namespace SupportDesk.Messaging;

using System.Collections.Concurrent;
using ServicePolicy.Annotations;
using SupportDesk.Domain;

/// <summary>
/// Everything the desk sends to customers. Text given to <see cref="SendReply"/> is customer-facing:
/// the analyzers check its literals for banned claims and disrespectful words (SP3001), and the
/// endpoints ask the engine (message.send) before any text reaches it.
/// </summary>
public sealed class Outbox
{
    private readonly ConcurrentQueue<OutgoingMessage> _sent = new();
    private readonly TimeProvider _clock;
    private long _sequence;

    public Outbox(TimeProvider clock) => _clock = clock;

    public IReadOnlyList<OutgoingMessage> Sent => _sent.ToArray();

    public OutgoingMessage SendReply(string ticketId, string kind, string language, [CustomerFacingText] string body)
    {
        var message = new OutgoingMessage($"m-{Interlocked.Increment(ref _sequence)}", ticketId, kind, language, body, _clock.GetUtcNow());
        _sent.Enqueue(message);
        return message;
    }
}
