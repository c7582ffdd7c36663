using System.Collections.Immutable;

namespace ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>What the flow engine found in one method body: its sink calls and its summary for callers.</summary>
internal sealed class MethodFlowResult
{
    public static readonly MethodFlowResult Empty = new(ImmutableArray<SinkHit>.Empty, MethodSummary.Empty);

    public MethodFlowResult(ImmutableArray<SinkHit> hits, MethodSummary summary)
    {
        Hits = hits;
        Summary = summary;
    }

    public ImmutableArray<SinkHit> Hits { get; }

    public MethodSummary Summary { get; }
}
