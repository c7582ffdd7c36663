namespace ServicePolicy.Benchmarks.Engine;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;

/// <summary>
/// The least any engine must add to the hand-written rules, whatever its design. Every
/// decision is a value with an id for the decision log. The "floor" benchmarks run
/// the hand-written rules, then do only that: take the engine's next decision number, read the engine's
/// clock (the system clock's fast path, cheaper than the test clock the engine benchmarks use) and
/// build the <see cref="Decision"/> value, with no rule interpretation, input reading, telemetry
/// check or explanation; the "without clock" variants leave out the clock too. If the floor is already above 3x the hand-written baseline, no engine that
/// returns such a decision can meet the 3x target for that action (docs/performance.md).
/// Run: dotnet run -c Release --project tests/ServicePolicy.Benchmarks -- --filter '*DecisionFloorBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DecisionFloorBenchmarks
{
    private readonly EngineBenchmarks _inputs = new();
    private readonly DecisionClock _clock = new(TimeProvider.System);
    private HandWrittenRules _hand = null!;
    private PolicyEngine _engine = null!;
    private TicketRouteRequest _route = null!;
    private RefundRequest _refund = null!;
    private ComplaintCloseRequest _close = null!;
    private FirstResponseRequest _response = null!;
    private DataShareRequest _share = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs.Setup();
        (_engine, _hand) = (_inputs.Engine, _inputs.Hand);
        (_route, _refund, _close, _response, _share) = (_inputs.Route, _inputs.Refund, _inputs.Close, _inputs.Response, _inputs.Share);
    }

    /// <summary>The decision value an engine returns for an allowed action, built around the hand-written result.</summary>
    private Decision Floor(string action, object input, HandDecision hand) => DecisionAt(action, input, hand, _clock.GetUtcNow());

    /// <summary>The same without reading the clock: only the decision number and the value.</summary>
    private Decision FloorWithoutClock(string action, object input, HandDecision hand) => DecisionAt(action, input, hand, default);

    private Decision DecisionAt(string action, object input, HandDecision hand, DateTimeOffset at) =>
        new(_engine, EvaluationScope.NextSequenceOnThisThread(), action, input, null, at,
            hand.Obligations ? DecisionEffect.AllowWithObligations : DecisionEffect.Allow, hand.Result, null, null, null, null);

    [Benchmark(Baseline = true), BenchmarkCategory("ticket.route")]
    public HandDecision RouteTicket_HandWritten() => _hand.RouteTicket(_route);

    [Benchmark, BenchmarkCategory("ticket.route")]
    public Decision RouteTicket_Floor() => Floor("ticket.route", _route, _hand.RouteTicket(_route));

    [Benchmark, BenchmarkCategory("ticket.route")]
    public Decision RouteTicket_FloorWithoutClock() => FloorWithoutClock("ticket.route", _route, _hand.RouteTicket(_route));

    [Benchmark(Baseline = true), BenchmarkCategory("refund.issue")]
    public HandDecision IssueRefund_HandWritten() => _hand.IssueRefund(_refund);

    [Benchmark, BenchmarkCategory("refund.issue")]
    public Decision IssueRefund_Floor() => Floor("refund.issue", _refund, _hand.IssueRefund(_refund));

    [Benchmark(Baseline = true), BenchmarkCategory("complaint.close")]
    public HandDecision CloseComplaint_HandWritten() => _hand.CloseComplaint(_close);

    [Benchmark, BenchmarkCategory("complaint.close")]
    public Decision CloseComplaint_Floor() => Floor("complaint.close", _close, _hand.CloseComplaint(_close));

    [Benchmark, BenchmarkCategory("complaint.close")]
    public Decision CloseComplaint_FloorWithoutClock() => FloorWithoutClock("complaint.close", _close, _hand.CloseComplaint(_close));

    [Benchmark(Baseline = true), BenchmarkCategory("response.first")]
    public HandDecision FirstResponse_HandWritten() => _hand.CheckFirstResponse(_response);

    [Benchmark, BenchmarkCategory("response.first")]
    public Decision FirstResponse_Floor() => Floor("response.first", _response, _hand.CheckFirstResponse(_response));

    [Benchmark(Baseline = true), BenchmarkCategory("data.share")]
    public HandDecision ShareData_HandWritten() => _hand.ShareData(_share);

    [Benchmark, BenchmarkCategory("data.share")]
    public Decision ShareData_Floor() => Floor("data.share", _share, _hand.ShareData(_share));
}
