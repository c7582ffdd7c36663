namespace ServicePolicy;

using System.Collections.Concurrent;

/// <summary>
/// A thread-safe consent store kept in memory: the default store, and the one policy tests use.
/// Replace it with your consent ledger by registering your own <see cref="IConsentStore"/>.
/// Subjects, purposes and recipients compare exactly (ordinal).
/// </summary>
public sealed class InMemoryConsentStore : IConsentStore
{
    /// <summary>The recipient that stands for every recipient.</summary>
    public const string AnyRecipient = "*";

    private readonly ConcurrentDictionary<(string Subject, string Purpose, string Recipient), ConsentState> _records = new();

    /// <summary>Records that <paramref name="subject"/> consents to <paramref name="purpose"/> for <paramref name="recipient"/> (every recipient by default).</summary>
    public void Grant(string subject, string purpose, string recipient = AnyRecipient) =>
        _records[(Check(subject, nameof(subject)), Check(purpose, nameof(purpose)), Check(recipient, nameof(recipient)))] = ConsentState.Granted;

    /// <summary>Records that the consent was withdrawn. Sharing that needs it is then denied.</summary>
    public void Withdraw(string subject, string purpose, string recipient = AnyRecipient) =>
        _records[(Check(subject, nameof(subject)), Check(purpose, nameof(purpose)), Check(recipient, nameof(recipient)))] = ConsentState.Withdrawn;

    /// <summary>Forgets a record altogether (as if never granted).</summary>
    public bool Remove(string subject, string purpose, string recipient = AnyRecipient) =>
        _records.TryRemove((subject, purpose, recipient), out _);

    public ConsentState GetConsent(string subject, string purpose, string recipient)
    {
        if (subject == null || purpose == null)
        {
            return ConsentState.None;
        }

        recipient ??= AnyRecipient;
        if (_records.TryGetValue((subject, purpose, recipient), out var state))
        {
            return state;
        }

        return recipient != AnyRecipient && _records.TryGetValue((subject, purpose, AnyRecipient), out state) ? state : ConsentState.None;
    }

    private static string Check(string value, string name) => value ?? throw new ArgumentNullException(name);
}
