namespace ServicePolicy.Analyzers.Classification;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ServicePolicy.Core.Model;

/// <summary>Where a classification came from, for diagnostic messages and tests.</summary>
internal enum ClassificationSource
{
    /// <summary>A ServicePolicy.Annotations attribute in the code.</summary>
    Annotation,

    /// <summary>A binding by name in the policy.</summary>
    Policy,

    /// <summary>Built into the analyzers (ILogger, Console, Debug, Trace...).</summary>
    BuiltIn,
}

/// <summary>A member that carries personal data of a category.</summary>
internal sealed class PersonalDataInfo
{
    public PersonalDataInfo(string category, DataCategory? definition, ClassificationSource source)
    {
        Category = category;
        Definition = definition;
        Source = source;
    }

    /// <summary>The category id ("contact").</summary>
    public string Category { get; }

    /// <summary>The policy's definition of the category, when the policy declares it.</summary>
    public DataCategory? Definition { get; }

    public ClassificationSource Source { get; }

    /// <summary>False only when the policy says this category may be logged as it is.</summary>
    public bool RedactInLogs => Definition?.RedactInLogs ?? true;

    public DataLevel Level => Definition?.Level ?? DataLevel.Personal;
}

/// <summary>A member that is a protected attribute, or a declared proxy for one.</summary>
internal sealed class ProtectedAttributeInfo
{
    public ProtectedAttributeInfo(string attribute, string? proxy, ClassificationSource source)
    {
        Attribute = attribute;
        Proxy = proxy;
        Source = source;
    }

    /// <summary>The protected attribute id ("gender"); for a proxy, the attribute it stands for.</summary>
    public string Attribute { get; }

    /// <summary>The proxy id ("first-name") when the member is a proxy, else null.</summary>
    public string? Proxy { get; }

    public bool IsProxy => Proxy != null;

    public ClassificationSource Source { get; }

    /// <summary>"protected attribute 'gender'" or "proxy 'first-name' for protected attribute 'gender'".</summary>
    public string Describe() =>
        IsProxy ? $"proxy '{Proxy}' for protected attribute '{Attribute}'" : $"protected attribute '{Attribute}'";
}

/// <summary>A method that sends data to a third party.</summary>
internal sealed class ThirdPartySinkInfo
{
    public ThirdPartySinkInfo(string recipient, ImmutableArray<int> parameterOrdinals, ClassificationSource source)
    {
        Recipient = recipient;
        ParameterOrdinals = parameterOrdinals;
        Source = source;
    }

    /// <summary>The recipient as the policy's consent requirements name it; "*" when not said.</summary>
    public string Recipient { get; }

    /// <summary>The parameters (ordinals in the method's declaration, <c>this</c> of an extension method being 0) that carry data out; default = all.</summary>
    public ImmutableArray<int> ParameterOrdinals { get; }

    public ClassificationSource Source { get; }

    public bool Covers(int parameterOrdinal) => ParameterOrdinals.IsDefault || ParameterOrdinals.Contains(parameterOrdinal);
}

/// <summary>A type or method in which protected attributes must not be read.</summary>
internal sealed class DecisionContextInfo
{
    public DecisionContextInfo(string kind, ISymbol declaredOn, string reason)
    {
        Kind = kind;
        DeclaredOn = declaredOn;
        Reason = reason;
    }

    /// <summary>routing, prioritisation, pricing or eligibility (as written).</summary>
    public string Kind { get; }

    /// <summary>The type or member that makes this a decision context.</summary>
    public ISymbol DeclaredOn { get; }

    /// <summary>Why, in words: "[DecisionContext] on TicketRouter" or "policy decisionContexts types '*Router'".</summary>
    public string Reason { get; }
}
