namespace ServicePolicy.Analyzers.Privacy.Flow;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

/// <summary>
/// Per-compilation state of the flow engine, shared by SP1001 and SP1002 so that each body is analysed
/// once: flow results by body, and callee summaries computed on demand. Cycles (recursion, mutual
/// calls) and very deep call chains yield an empty summary for the call that closes them, never a hang.
/// </summary>
internal sealed class PrivacyFlowCache : ICalleeSummaries
{
    /// <summary>How many summaries may be computed inside one another before the chain is cut.</summary>
    private const int MaxSummaryDepth = 8;

    /// <summary>The summaries being computed on this thread, innermost last.</summary>
    [ThreadStatic]
    private static List<SummaryFrame>? summariesInProgress;

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<SyntaxNode, MethodFlowResult> results = new();
    // Bodies found to hold no personal data: no findings of their own, but a summary is still computed when a caller asks.
    private readonly ConcurrentDictionary<SyntaxNode, bool> withoutPersonalData = new();
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, TaintSet?> returns = new(SymbolEqualityComparer.Default);

    /// <summary>The return summaries being computed on this thread (a recursive helper returns nothing more).</summary>
    [ThreadStatic]
    private static List<IMethodSymbol>? returnsInProgress;

    public PrivacyFlowCache(Compilation compilation, IPrivacyRoles roles)
    {
        this.compilation = compilation;
        Roles = roles;
    }

    public IPrivacyRoles Roles { get; }

    /// <summary>
    /// The compilation's name pre-filter, once built: an ordinary method whose name it rules out calls no
    /// sink and no method with a summary (the filter's fixed point), so its summary is empty without binding
    /// its body. Without this, summaries would bind every callee reachable from an analysed body.
    /// </summary>
    public SinkNameFilter? NameFilter { get; set; }

    /// <summary>
    /// The findings of a body already looked at (by the other privacy rule, or as a callee), found by its
    /// syntax: its flow result, or no hit at all when it holds no personal data.
    /// </summary>
    public bool TryGetResult(SyntaxNode body, out MethodFlowResult result)
    {
        if (results.TryGetValue(body, out result!))
        {
            return true;
        }

        result = MethodFlowResult.Empty;
        return withoutPersonalData.ContainsKey(body);
    }

    /// <summary>
    /// The flow result a rule reports from: none for a body in which no value can be personal data
    /// (<see cref="PersonalSources"/>), which then needs no control flow graph.
    /// </summary>
    public MethodFlowResult AnalyzeForFindings(IOperation root, IMethodSymbol? method, CancellationToken cancellationToken)
    {
        // The caller asked TryGetResult first, so the body has no result yet (barring a race).
        if (!PersonalSources.MayHold(root, Roles, this, cancellationToken))
        {
            withoutPersonalData.TryAdd(root.Syntax, true);
            return MethodFlowResult.Empty;
        }

        return Analyze(root, method, cancellationToken);
    }

    /// <summary>Records a body too large to analyse (<see cref="Infrastructure.BodyBudget"/>), for both rules and for callers.</summary>
    public MethodFlowResult Skip(SyntaxNode body, string reason) => results.GetOrAdd(body, MethodFlowResult.Skipped(reason));

    /// <summary>The flow result of a body, computed at most once per compilation (barring races).</summary>
    public MethodFlowResult Analyze(IOperation root, IMethodSymbol? method, CancellationToken cancellationToken)
    {
        if (results.TryGetValue(root.Syntax, out var known))
        {
            return known;
        }

        var result = MethodFlowAnalyzer.Analyze(root, method, Roles, this, cancellationToken);

        // A result computed inside a summary whose call cycle was cut is only good for that summary.
        var frames = summariesInProgress;
        return frames is { Count: > 0 } && frames[frames.Count - 1].Incomplete ? result : results.GetOrAdd(root.Syntax, result);
    }

    public MethodSummary Get(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        var frames = summariesInProgress ??= new List<SummaryFrame>();
        var open = frames.FindIndex(f => SymbolEqualityComparer.Default.Equals(f.Method, method));
        if (open >= 0 || frames.Count >= MaxSummaryDepth)
        {
            // Recursion (or a very deep chain): this call adds nothing, and every summary from the
            // start of the cycle up is incomplete, so none of them is cached.
            for (var i = open >= 0 ? open : 0; i < frames.Count; i++)
            {
                frames[i].Incomplete = true;
            }

            return MethodSummary.Empty;
        }

        var frame = new SummaryFrame(method);
        frames.Add(frame);
        try
        {
            var summary = ComputeSummary(method, cancellationToken);
            return frame.Incomplete ? summary : summaries.GetOrAdd(method, summary);
        }
        finally
        {
            frames.RemoveAt(frames.Count - 1);
        }
    }

    public bool TryGetReturns(IMethodSymbol method, CancellationToken cancellationToken, out TaintSet returned)
    {
        if (!returns.TryGetValue(method, out var known))
        {
            var open = returnsInProgress ??= new List<IMethodSymbol>();
            if (open.Count >= MaxSummaryDepth || open.Contains(method, SymbolEqualityComparer.Default))
            {
                returned = TaintSet.Empty;
                return false;
            }

            open.Add(method);
            try
            {
                // Cached even when a cycle was cut inside: a recursive helper's own reads are what it returns.
                known = returns.GetOrAdd(method, ComputeReturns(method, cancellationToken));
            }
            finally
            {
                open.RemoveAt(open.Count - 1);
            }
        }

        returned = known ?? TaintSet.Empty;
        return known != null;
    }

    private TaintSet? ComputeReturns(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension) || method.IsAbstract || method.IsExtern || method.IsVirtual || method.IsOverride)
        {
            // Without one known body (an override may return anything), every argument may flow into the result.
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is not (BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null } or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null })
                || !compilation.ContainsSyntaxTree(syntax.SyntaxTree)
                || Infrastructure.BodyBudget.Exceeded(syntax, cancellationToken) != null)
            {
                continue;
            }

#pragma warning disable RS1030 // As for summaries: the helper's body lives in another tree; its answer is cached per compilation.
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var root = model.GetOperation(syntax, cancellationToken);
            if (root != null && MethodFlowAnalyzer.IsAnalyzableRoot(root))
            {
                return MethodFlowAnalyzer.AnalyzeReturn(root, method, Roles, this, cancellationToken);
            }
        }

        return null;
    }

    private MethodSummary ComputeSummary(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.ReducedExtension)
            || method.IsAbstract || method.IsExtern || method.Parameters.IsEmpty)
        {
            return MethodSummary.Empty;
        }

        if (method.MethodKind != MethodKind.Constructor && NameFilter is { } filter && !filter.Matches(method.Name))
        {
            return MethodSummary.Empty;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is not BaseMethodDeclarationSyntax { Body: not null } and not BaseMethodDeclarationSyntax { ExpressionBody: not null })
            {
                continue;
            }

            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            if (results.TryGetValue(syntax, out var known))
            {
                return known.Summary;
            }

            if (Infrastructure.BodyBudget.Exceeded(syntax, cancellationToken) is { } reason)
            {
                return Skip(syntax, reason).Summary;
            }

#pragma warning disable RS1030 // The callee's body lives in another tree; its summary is computed once per compilation and cached.
            // (In the compiler and in CompilationWithAnalyzers this returns the driver's cached model for the tree,
            // which holds the bodies the compiler has already bound: nothing is bound twice.)
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var root = model.GetOperation(syntax, cancellationToken);
            if (root != null && MethodFlowAnalyzer.IsAnalyzableRoot(root))
            {
                return Analyze(root, method, cancellationToken).Summary;
            }
        }

        return MethodSummary.Empty;
    }

    private sealed class SummaryFrame
    {
        public SummaryFrame(IMethodSymbol method) => Method = method;

        public IMethodSymbol Method { get; }

        public bool Incomplete { get; set; }
    }
}
