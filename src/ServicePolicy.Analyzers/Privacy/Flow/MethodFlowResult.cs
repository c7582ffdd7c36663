namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Immutable;

/// <summary>What the flow engine found in one method body: its sink calls and its summary for callers.</summary>
internal sealed class MethodFlowResult
{
    public static readonly MethodFlowResult Empty = new(ImmutableArray<SinkHit>.Empty, MethodSummary.Empty);

    public MethodFlowResult(ImmutableArray<SinkHit> hits, MethodSummary summary, long work = 0)
    {
        Hits = hits;
        Summary = summary;
        Work = work;
    }

    public ImmutableArray<SinkHit> Hits { get; }

    public MethodSummary Summary { get; }

    /// <summary>The units of work the analysis cost (<see cref="FlowContext.Spend"/>).</summary>
    public long Work { get; }

    /// <summary>Why the body was not analysed (too large), or null when it was.</summary>
    public string? TooLarge { get; private set; }

    /// <summary>A body given up: no hit, an empty summary (callers learn nothing from it), and the reason.</summary>
    public static MethodFlowResult Skipped(string reason, long work = 0) =>
        new(ImmutableArray<SinkHit>.Empty, MethodSummary.Empty, work) { TooLarge = reason };
}
