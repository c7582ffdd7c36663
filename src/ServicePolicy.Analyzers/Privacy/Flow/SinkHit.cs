namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// One argument of one sink call that carries tainted data, as the flow engine saw it: what data, which
/// sink, whether a consent check guards the call, and which sub-expressions carry the data (so that a
/// diagnostic and a code fix can point at <c>customer.Email</c> inside an interpolated string).
/// </summary>
/// <remarks>
/// Hits keep syntax, not operations: results are cached for the whole compilation (SP1001 and SP1002 and
/// callers' summaries share them), and an operation from a control flow graph holds on to its graph, its
/// operation tree and the semantic model with every body bound in that file.
/// </remarks>
internal sealed class SinkHit
{
    public SinkHit(PrivacySink sink, IInvocationOperation invocation, IOperation argumentValue, TaintSet taint, ImmutableArray<TaintedPart> taintedParts, bool guarded, string? via)
    {
        Sink = sink;
        Invocation = invocation.Syntax;
        Argument = argumentValue.Syntax;
        ArgumentIsImplicit = argumentValue.IsImplicit;
        Taint = taint;
        TaintedParts = taintedParts;
        Guarded = guarded;
        Via = via;
    }

    public PrivacySink Sink { get; }

    /// <summary>The sink call (several hits share it when several arguments carry data).</summary>
    public SyntaxNode Invocation { get; }

    /// <summary>The argument's value as written; for an implicit argument (a params array), the call's syntax for it.</summary>
    public SyntaxNode Argument { get; }

    public bool ArgumentIsImplicit { get; }

    /// <summary>All labels, parameter markers included (summaries need them; diagnostics drop them).</summary>
    public TaintSet Taint { get; }

    /// <summary>The innermost expressions that carry the data; never empty.</summary>
    public ImmutableArray<TaintedPart> TaintedParts { get; }

    /// <summary>True when the call runs only after a consent check returned true.</summary>
    public bool Guarded { get; }

    /// <summary>For a call to a method that passes its parameter on to a sink: that method's name.</summary>
    public string? Via { get; }

    public Location Location => Argument.GetLocation();
}

/// <summary>An expression inside a sink argument that carries personal data, and which data.</summary>
internal readonly struct TaintedPart
{
    public TaintedPart(IOperation operation, TaintSet taint)
    {
        Syntax = operation.Syntax;
        Taint = taint;
    }

    public SyntaxNode Syntax { get; }

    public TaintSet Taint { get; }
}
