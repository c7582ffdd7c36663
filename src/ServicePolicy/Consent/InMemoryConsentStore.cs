namespace ServicePolicy;

using System.Collections.Concurrent;

/// <summary>
/// A thread-safe consent store kept in memory: the default store, and the one policy tests use.
/// Replace it with your consent ledger by registering your own <see cref="IConsentStore"/>.
/// Every grant and withdrawal is kept as an event with its time; the latest event that concerns a
/// recipient wins, whether it was recorded for that recipient or for every recipient (<c>*</c>), so
/// a withdrawal of a purpose for everyone overrides every earlier grant of it. Subjects, purposes and
/// recipients compare exactly (ordinal).
/// </summary>
public sealed class InMemoryConsentStore : IConsentStore, IConsentHistory
{
    /// <summary>The recipient that stands for every recipient.</summary>
    public const string AnyRecipient = "*";

    private readonly ConcurrentDictionary<(string Subject, string Purpose), List<ConsentEvent>> _records = new();
    private readonly TimeProvider _clock;

    public InMemoryConsentStore(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Records that <paramref name="subject"/> consents to <paramref name="purpose"/> for <paramref name="recipient"/> (every recipient by default).</summary>
    public void Grant(string subject, string purpose, string recipient = AnyRecipient, DateTimeOffset? at = null) =>
        Record(subject, purpose, recipient, ConsentState.Granted, at);

    /// <summary>Records that the consent was withdrawn (for every recipient by default). Sharing that needs it is then denied.</summary>
    public void Withdraw(string subject, string purpose, string recipient = AnyRecipient, DateTimeOffset? at = null) =>
        Record(subject, purpose, recipient, ConsentState.Withdrawn, at);

    /// <summary>Forgets every event of one recipient (as if never granted).</summary>
    public bool Remove(string subject, string purpose, string recipient = AnyRecipient)
    {
        if (subject == null || purpose == null || !_records.TryGetValue((subject, purpose), out var events))
        {
            return false;
        }

        lock (events)
        {
            return events.RemoveAll(e => e.Recipient == recipient) > 0;
        }
    }

    public ConsentState GetConsent(string subject, string purpose, string recipient)
    {
        if (subject == null || purpose == null || !_records.TryGetValue((subject, purpose), out var events))
        {
            return ConsentState.None;
        }

        recipient ??= AnyRecipient;
        lock (events)
        {
            // Events are kept in time order (ties in the order recorded): the last one that concerns
            // this recipient is in force.
            for (var i = events.Count - 1; i >= 0; i--)
            {
                var e = events[i];
                if (e.Recipient == recipient || e.Recipient == AnyRecipient)
                {
                    return e.State;
                }
            }
        }

        return ConsentState.None;
    }

    public IReadOnlyList<ConsentEvent> RecordsOf(string subject, string purpose)
    {
        if (subject == null || purpose == null || !_records.TryGetValue((subject, purpose), out var events))
        {
            return Array.Empty<ConsentEvent>();
        }

        lock (events)
        {
            return events.ToArray();
        }
    }

    private void Record(string subject, string purpose, string recipient, ConsentState state, DateTimeOffset? at)
    {
        var record = new ConsentEvent(Check(subject, nameof(subject)), Check(purpose, nameof(purpose)), Check(recipient, nameof(recipient)), state, at ?? _clock.GetUtcNow());
        var events = _records.GetOrAdd((subject, purpose), _ => new List<ConsentEvent>());
        lock (events)
        {
            var index = events.Count;
            while (index > 0 && events[index - 1].At > record.At)
            {
                index--;
            }

            events.Insert(index, record);
        }
    }

    private static string Check(string value, string name) => value ?? throw new ArgumentNullException(name);
}
