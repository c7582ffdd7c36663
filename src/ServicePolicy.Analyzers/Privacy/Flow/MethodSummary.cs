namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Immutable;

/// <summary>
/// What callers need to know about a method of the same compilation: which of its parameters reach a
/// sink without a consent check (third-party) or without redaction (log). A call that passes personal
/// data to such a parameter is itself a sink call.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(ImmutableArray<SummarySink>.Empty);

    public MethodSummary(ImmutableArray<SummarySink> sinks) => Sinks = sinks;

    public ImmutableArray<SummarySink> Sinks { get; }

    public bool IsEmpty => Sinks.IsEmpty;
}

internal sealed class SummarySink
{
    public SummarySink(int parameterOrdinal, PrivacySink sink, bool parameterIsPersonalInCallee)
    {
        ParameterOrdinal = parameterOrdinal;
        Sink = sink;
        ParameterIsPersonalInCallee = parameterIsPersonalInCallee;
    }

    public int ParameterOrdinal { get; }

    /// <summary>The sink at the end of the chain (its display name and recipient).</summary>
    public PrivacySink Sink { get; }

    /// <summary>
    /// True when the callee already treats the parameter as personal data (by its type or an annotation)
    /// and so reports the sink itself; callers are then not told again.
    /// </summary>
    public bool ParameterIsPersonalInCallee { get; }
}

/// <summary>Answers summaries of methods in the same compilation (lazily, cached, cycle-safe).</summary>
internal interface ICalleeSummaries
{
    MethodSummary Get(Microsoft.CodeAnalysis.IMethodSymbol method, System.Threading.CancellationToken cancellationToken);

    /// <summary>
    /// What a method of the same compilation returns: the personal data it reads itself (from a repository, a
    /// field, another call), and a parameter marker for each parameter whose value flows into the result. False
    /// when not known (no body in the compilation, nothing personal in it, a cycle): the caller then assumes
    /// every argument flows into the result.
    /// </summary>
    bool TryGetReturns(Microsoft.CodeAnalysis.IMethodSymbol method, System.Threading.CancellationToken cancellationToken, out TaintSet returned);
}
