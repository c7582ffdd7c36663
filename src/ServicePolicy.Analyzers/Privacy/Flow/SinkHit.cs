using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// One argument of one sink call that carries tainted data, as the flow engine saw it: what data, which
/// sink, whether a consent check guards the call, and which sub-expressions carry the data (so that a
/// diagnostic and a code fix can point at <c>customer.Email</c> inside an interpolated string).
/// </summary>
internal sealed class SinkHit
{
    public SinkHit(PrivacySink sink, IInvocationOperation invocation, IOperation argumentValue, TaintSet taint, ImmutableArray<TaintedPart> taintedParts, bool guarded, string? via)
    {
        Sink = sink;
        Invocation = invocation;
        ArgumentValue = argumentValue;
        Taint = taint;
        TaintedParts = taintedParts;
        Guarded = guarded;
        Via = via;
    }

    public PrivacySink Sink { get; }

    public IInvocationOperation Invocation { get; }

    public IOperation ArgumentValue { get; }

    /// <summary>All labels, parameter markers included (summaries need them; diagnostics drop them).</summary>
    public TaintSet Taint { get; }

    /// <summary>The innermost expressions that carry the data; never empty.</summary>
    public ImmutableArray<TaintedPart> TaintedParts { get; }

    /// <summary>True when the call runs only after a consent check returned true.</summary>
    public bool Guarded { get; }

    /// <summary>For a call to a method that passes its parameter on to a sink: that method's name.</summary>
    public string? Via { get; }

    public Location Location => ArgumentValue.Syntax.GetLocation();
}

/// <summary>An expression inside a sink argument that carries personal data, and which data.</summary>
internal readonly struct TaintedPart
{
    public TaintedPart(IOperation operation, TaintSet taint)
    {
        Operation = operation;
        Taint = taint;
    }

    public IOperation Operation { get; }

    public TaintSet Taint { get; }
}
