namespace ServicePolicy.Analyzers.Privacy.Flow;

using System;

/// <summary>
/// What a boolean value says about consent. <see cref="TrueMeansConsent"/>: if the value is true, a
/// consent check returned true (a call to the check, or the constant false, which is never true).
/// <see cref="FalseMeansConsent"/>: if the value is false, consent was given (<c>!HasConsent()</c>).
/// <see cref="HoldsDecision"/>: the value is the answer object of a consent check that returns a
/// decision (<c>engine.ShareData(...)</c>); its boolean properties (<c>IsAllowed</c>, <c>IsDenied</c>)
/// then say whether consent was given. Flags, so that facts from two paths meet by intersection.
/// </summary>
[Flags]
internal enum ConsentPolarity
{
    None = 0,
    TrueMeansConsent = 1,
    FalseMeansConsent = 2,
    HoldsDecision = 4,
}

internal static class ConsentPolarityExtensions
{
    public static ConsentPolarity Negate(this ConsentPolarity polarity)
    {
        var negated = ConsentPolarity.None;
        if ((polarity & ConsentPolarity.TrueMeansConsent) != 0)
        {
            negated |= ConsentPolarity.FalseMeansConsent;
        }

        if ((polarity & ConsentPolarity.FalseMeansConsent) != 0)
        {
            negated |= ConsentPolarity.TrueMeansConsent;
        }

        return negated;
    }
}
