namespace ServicePolicy;

/// <summary>One consent event on record: a grant or a withdrawal, for one recipient or for every recipient (<c>*</c>), at a time.</summary>
public sealed record ConsentEvent(string Subject, string Purpose, string Recipient, ConsentState State, DateTimeOffset At)
{
    /// <summary>"crm-sync granted for crm-provider at 2026-03-02T10:00:00Z", as explanations list it.</summary>
    public override string ToString() =>
        $"{Purpose} {(State == ConsentState.Withdrawn ? "withdrawn" : State == ConsentState.Granted ? "granted" : "cleared")} for {(Recipient == InMemoryConsentStore.AnyRecipient ? "every recipient" : Recipient)} at {At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A consent store that can list the events it holds, so that a decision's explanation shows the
/// consents on record and not only the answer. Optional: a store without it still works.
/// </summary>
public interface IConsentHistory
{
    /// <summary>Every event recorded for <paramref name="subject"/> and <paramref name="purpose"/>, oldest first.</summary>
    IReadOnlyList<ConsentEvent> RecordsOf(string subject, string purpose);
}
