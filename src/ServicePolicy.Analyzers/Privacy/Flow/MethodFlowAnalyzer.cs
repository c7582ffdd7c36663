namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>Runs the flow engine over one executable body and derives the body's summary.</summary>
internal static class MethodFlowAnalyzer
{
    public static MethodFlowResult Analyze(IOperation root, IMethodSymbol? method, IPrivacyRoles roles, ICalleeSummaries? summaries, CancellationToken cancellationToken)
    {
        if (!SinkPrecheck.MayReachSink(root, roles, summaries, cancellationToken))
        {
            return MethodFlowResult.Empty;
        }

        var graph = CreateGraph(root, cancellationToken);
        if (graph == null)
        {
            return MethodFlowResult.Empty;
        }

        var context = new FlowContext(roles, summaries, method, cancellationToken);
        try
        {
            new GraphFlowAnalysis(context, graph, new FlowState()).Run(record: true);
        }
        catch (FlowBudgetExceededException exceeded)
        {
            return MethodFlowResult.Skipped(exceeded.Message, context.Work);
        }

        return new MethodFlowResult(context.Hits.ToImmutableArray(), Summarize(context, method), context.Work);
    }

    /// <summary>
    /// What a body returns: personal data of its own making, and a marker for each of its parameters whose value
    /// flows into the result. Null when not analysed (nothing personal in it: every argument is then assumed to
    /// flow into the result, as for a method without a body). No sink hit is recorded.
    /// </summary>
    public static TaintSet? AnalyzeReturn(IOperation root, IMethodSymbol method, IPrivacyRoles roles, ICalleeSummaries? summaries, CancellationToken cancellationToken)
    {
        if (!PersonalSources.MayHold(root, roles, summaries, cancellationToken) || CreateGraph(root, cancellationToken) is not { } graph)
        {
            return null;
        }

        var context = new FlowContext(roles, summaries, method, cancellationToken);
        try
        {
            return new GraphFlowAnalysis(context, graph, new FlowState()).Run(record: false);
        }
        catch (FlowBudgetExceededException)
        {
            return null;
        }
    }

    /// <summary>Whether an operation is the root of a body the engine can analyse.</summary>
    public static bool IsAnalyzableRoot(IOperation operation) =>
        operation.Parent == null
        && operation is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation;

    private static ControlFlowGraph? CreateGraph(IOperation root, CancellationToken cancellationToken) =>
        root switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
            IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
            _ => null,
        };

    /// <summary>
    /// The parameters whose value reaches a log sink, or a third-party sink with no consent check on
    /// the way, are what callers must know.
    /// </summary>
    private static MethodSummary Summarize(FlowContext context, IMethodSymbol? method)
    {
        if (method == null || method.Parameters.IsEmpty)
        {
            return MethodSummary.Empty;
        }

        var sinks = ImmutableArray.CreateBuilder<SummarySink>();
        var seen = new HashSet<(int, SinkKind)>();
        foreach (var hit in context.Hits)
        {
            if (hit.Sink.Kind == SinkKind.ThirdParty && hit.Guarded)
            {
                continue;
            }

            foreach (var label in hit.Taint.Labels)
            {
                if (!label.IsParameterMarker || label.ParameterOrdinal >= method.Parameters.Length || !seen.Add((label.ParameterOrdinal, hit.Sink.Kind)))
                {
                    continue;
                }

                var parameter = method.Parameters[label.ParameterOrdinal];
                var personalInCallee = context.ParameterTaint(parameter).HasPersonalData;
                sinks.Add(new SummarySink(label.ParameterOrdinal, hit.Sink, personalInCallee));
            }
        }

        return sinks.Count == 0 ? MethodSummary.Empty : new MethodSummary(sinks.ToImmutable());
    }
}
