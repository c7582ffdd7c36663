namespace ServicePolicy.Analyzers.Privacy.Flow;

using Microsoft.CodeAnalysis;

/// <summary>
/// What the flow engine needs to know about symbols. The production implementation answers from the
/// policy and the annotations (see <see cref="PolicyPrivacyRoles"/>); tests of the engine alone can
/// answer by hand. Every answer must be cheap: the engine asks for each operation it visits.
/// </summary>
internal interface IPrivacyRoles
{
    /// <summary>The label of a member, parameter or method return value classified as personal data, or null.</summary>
    TaintLabel? PersonalMember(ISymbol symbol);

    /// <summary>
    /// The label of a type whose instances carry personal data (it has personal members, directly or
    /// nested, or is a collection, task or nullable of such a type), or null.
    /// </summary>
    TaintLabel? PersonalType(ITypeSymbol? type);

    bool IsRedactor(IMethodSymbol method);

    /// <summary>Whether the method is a consent check, and how it says no.</summary>
    ConsentCheckKind ConsentCheck(IMethodSymbol method);

    /// <summary>The sink a call to this method is (third-party or log), or null.</summary>
    PrivacySink? Sink(IMethodSymbol method);
}

/// <summary>How a consent check tells its caller that consent is missing.</summary>
internal enum ConsentCheckKind
{
    /// <summary>Not a consent check.</summary>
    None,

    /// <summary>Returns true (or a task of true) only with consent: the caller must branch on it.</summary>
    ReturnsAnswer,

    /// <summary>Returns a decision object whose boolean properties say yes or no (<c>decision.IsAllowed</c>).</summary>
    ReturnsDecision,

    /// <summary>Returns nothing and throws without consent (<c>EnsureConsent(...)</c>): what follows it is guarded.</summary>
    ThrowsWhenMissing,
}
