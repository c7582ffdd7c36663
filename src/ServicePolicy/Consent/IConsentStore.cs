namespace ServicePolicy;

/// <summary>The state of a customer's consent for one purpose and recipient.</summary>
public enum ConsentState
{
    /// <summary>No consent on record: the customer never granted it.</summary>
    None,

    /// <summary>The consent is in force.</summary>
    Granted,

    /// <summary>The customer granted it and later withdrew it.</summary>
    Withdrawn,
}

/// <summary>
/// Where the engine reads consents for <c>data.share</c> decisions. Called synchronously on the
/// decision path, so an implementation should answer from memory or a cache; it must be safe to
/// call from many threads. If it throws, the decision is denied (<c>engine.evaluation-error</c>).
/// </summary>
public interface IConsentStore
{
    /// <summary>
    /// The consent of <paramref name="subject"/> for <paramref name="purpose"/> towards
    /// <paramref name="recipient"/>. A consent recorded for every recipient (<c>*</c>) answers for
    /// a recipient that has no record of its own.
    /// </summary>
    ConsentState GetConsent(string subject, string purpose, string recipient);
}
