namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// Dataflow over one control flow graph (a method body, a lambda or a local function), iterated to a
/// fixpoint over its basic blocks. Taint is a may-fact (union where paths meet), "consent was
/// established" a must-fact (and where paths meet), so a sink block counts as guarded exactly when
/// every path from the entry to it goes through the consent-true edge of a check: the edge dominates
/// the sink. After the fixpoint, one more pass over every block with its final entry state records
/// the sink calls (<see cref="SinkHit"/>).
/// </summary>
internal sealed partial class GraphFlowAnalysis
{
    /// <summary>Visits per block before giving up on a fixpoint (never reached in real code).</summary>
    private const int MaxRounds = 20;

    private readonly FlowContext context;
    private readonly ControlFlowGraph graph;
    private readonly FlowState initialState;
    private readonly IReadOnlyDictionary<IParameterSymbol, TaintSet>? parameterSeeds;
    private Dictionary<IOperation, TaintSet>? recordedTaint;
    private TaintSet returned;

    public GraphFlowAnalysis(FlowContext context, ControlFlowGraph graph, FlowState initialState, IReadOnlyDictionary<IParameterSymbol, TaintSet>? parameterSeeds = null)
    {
        this.context = context;
        this.graph = graph;
        this.initialState = initialState;
        this.parameterSeeds = parameterSeeds;
    }

    /// <summary>Runs the analysis; with <paramref name="record"/>, sink hits go to the context.</summary>
    /// <returns>What the graph returns (for lambdas: the taint of the delegate's result).</returns>
    public TaintSet Run(bool record)
    {
        var handlers = HandlerStarts(graph.Blocks);
        if (record && handlers.Count == 0 && EdgesGoForward(graph.Blocks))
        {
            // Most bodies have no loop and no try: the worklist then takes each block once, in order,
            // after all its predecessors, so its first entry state is its final one and the sink calls
            // can be recorded in the same pass (a second pass would evaluate every operation again).
            recordedTaint = new Dictionary<IOperation, TaintSet>();
            Solve(handlers, record: true);
        }
        else
        {
            var entryStates = Solve(handlers, record: false);
            if (!record)
            {
                return returned;
            }

            recordedTaint = new Dictionary<IOperation, TaintSet>();
            returned = TaintSet.Empty;
            foreach (var block in graph.Blocks)
            {
                if (entryStates[block.Ordinal] is { } state)
                {
                    context.Spend(1 + state.Size);
                    Transfer(block, state.Clone(), record: true);
                }
            }
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var localGraph = graph.GetLocalFunctionControlFlowGraph(localFunction, context.CancellationToken);
            new GraphFlowAnalysis(context, localGraph, new FlowState()).Run(record: true);
        }

        return returned;
    }

    /// <summary>
    /// A worklist in block order: a block is (re)computed only when what flows into it changed, so an
    /// acyclic graph costs one transfer per block, and a loop as many as it takes to stabilise.
    /// </summary>
    private FlowState?[] Solve(List<(int Handler, int First, int Last)> handlers, bool record)
    {
        var blocks = graph.Blocks;
        var entryStates = new FlowState?[blocks.Length];
        var exitStates = new (FlowState? Conditional, FlowState? FallThrough)[blocks.Length];
        var pending = new SortedSet<int> { 0 };
        var budget = blocks.Length * MaxRounds;
        while (pending.Count > 0 && budget-- > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var ordinal = pending.Min;
            pending.Remove(ordinal);
            var block = blocks[ordinal];
            var entry = EntryStateOf(block, entryStates, exitStates);
            if (entry == null || (entryStates[ordinal] is { } previous && previous.SameAs(entry)))
            {
                continue;
            }

            // Joining the predecessors' states, comparing and copying them costs in proportion to their size:
            // counted, so that thousands of variables live across thousands of blocks stay within the budget.
            context.Spend(1 + (entry.Size * (block.Predecessors.Length + 2)));
            entryStates[ordinal] = entry;
            exitStates[ordinal] = Transfer(block, entry.Clone(), record);
            if (block.ConditionalSuccessor?.Destination is { } conditional)
            {
                pending.Add(conditional.Ordinal);
            }

            if (block.FallThroughSuccessor?.Destination is { } fallThrough)
            {
                pending.Add(fallThrough.Ordinal);
            }

            foreach (var (handler, first, last) in handlers)
            {
                if (ordinal >= first && ordinal <= last)
                {
                    pending.Add(handler);
                }
            }
        }

        return entryStates;
    }

    /// <summary>Whether every edge goes to a later block (no loop).</summary>
    private static bool EdgesGoForward(ImmutableArray<BasicBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if ((block.ConditionalSuccessor?.Destination is { } conditional && conditional.Ordinal <= block.Ordinal)
                || (block.FallThroughSuccessor?.Destination is { } fallThrough && fallThrough.Ordinal <= block.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first blocks of catch, filter and finally regions, with the range of their try region.</summary>
    private static List<(int Handler, int First, int Last)> HandlerStarts(ImmutableArray<BasicBlock> blocks)
    {
        var handlers = new List<(int, int, int)>();
        foreach (var block in blocks)
        {
            if (block.Kind == BasicBlockKind.Block && block.Predecessors.IsEmpty && TryRegionOf(block) is { } tryRegion)
            {
                handlers.Add((block.Ordinal, tryRegion.FirstBlockOrdinal, tryRegion.LastBlockOrdinal));
            }
        }

        return handlers;
    }

    private FlowState? EntryStateOf(BasicBlock block, FlowState?[] entryStates, (FlowState? Conditional, FlowState? FallThrough)[] exitStates)
    {
        if (block.Kind == BasicBlockKind.Entry)
        {
            return initialState;
        }

        FlowState? joined = null;
        foreach (var predecessor in block.Predecessors)
        {
            var exits = exitStates[predecessor.Source.Ordinal];
            var incoming = ReferenceEquals(predecessor, predecessor.Source.ConditionalSuccessor) ? exits.Conditional : exits.FallThrough;
            if (incoming != null)
            {
                joined = joined == null ? incoming : FlowState.Join(joined, incoming);
            }
        }

        if (joined == null && block.Predecessors.IsEmpty)
        {
            joined = HandlerEntryState(block, entryStates);
        }

        return joined;
    }

    /// <summary>
    /// A catch, filter or finally block has no predecessor in the graph: it can start after any block of
    /// its try region, so it gets what holds at all of them (taint of any, consent only if in all).
    /// </summary>
    private static FlowState? HandlerEntryState(BasicBlock block, FlowState?[] entryStates)
    {
        var tryRegion = TryRegionOf(block);
        if (tryRegion == null)
        {
            return null;
        }
        FlowState? joined = null;
        for (var ordinal = tryRegion.FirstBlockOrdinal; ordinal <= tryRegion.LastBlockOrdinal; ordinal++)
        {
            if (entryStates[ordinal] is { } state)
            {
                joined = joined == null ? state : FlowState.Join(joined, state);
            }
        }

        return joined;
    }

    /// <summary>For the first block of a catch, filter or finally region: the try region it protects.</summary>
    private static ControlFlowRegion? TryRegionOf(BasicBlock block)
    {
        var region = block.EnclosingRegion;
        while (region != null && region.FirstBlockOrdinal == block.Ordinal
            && region.Kind is not (ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.Finally or ControlFlowRegionKind.FilterAndHandler))
        {
            region = region.EnclosingRegion;
        }

        if (region == null || region.FirstBlockOrdinal != block.Ordinal || region.EnclosingRegion == null)
        {
            return null;
        }

        // The protected region comes first; for a finally around a try-catch it spans the catch too.
        return region.EnclosingRegion.NestedRegions[0];
    }

    /// <summary>Runs a block's operations over <paramref name="state"/>; returns the state on each way out.</summary>
    private (FlowState? Conditional, FlowState? FallThrough) Transfer(BasicBlock block, FlowState state, bool record)
    {
        foreach (var operation in block.Operations)
        {
            Evaluate(operation, state, record);
        }

        if (block.BranchValue == null)
        {
            return (null, state);
        }

        var value = Evaluate(block.BranchValue, state, record);
        if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
        {
            returned = returned.Union(value);
        }

        if (block.ConditionalSuccessor == null)
        {
            return (null, state);
        }

        var polarity = ConsentConditions.Of(block.BranchValue, state, context.Roles);
        var conditional = state.Clone();
        var fallThrough = state;

        // The conditional successor is taken when the value equals ConditionKind (true or false).
        var conditionalWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        if ((polarity & ConsentPolarity.TrueMeansConsent) != 0)
        {
            (conditionalWhenTrue ? conditional : fallThrough).ConsentEstablished = true;
        }

        if ((polarity & ConsentPolarity.FalseMeansConsent) != 0)
        {
            (conditionalWhenTrue ? fallThrough : conditional).ConsentEstablished = true;
        }

        return (conditional, fallThrough);
    }
}
