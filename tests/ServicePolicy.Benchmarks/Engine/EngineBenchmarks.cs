namespace ServicePolicy.Benchmarks.Engine;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>
/// Each action of the seed pack on its allow path: the engine against the hand-written rules.
/// Run: dotnet run -c Release --project tests/ServicePolicy.Benchmarks -- --filter '*EngineBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EngineBenchmarks
{
    private PolicyEngine _engine = null!;
    private HandWrittenRules _hand = null!;
    private DataShareRequest _share = null!;
    private DataShareRequest _shareWithConsent = null!;
    private TicketRouteRequest _route = null!;
    private MessageRequest _message = null!;
    private RefundRequest _refund = null!;
    private FirstResponseRequest _response = null!;
    private ComplaintCloseRequest _close = null!;

    // The same engine, rules and inputs for DecisionFloorBenchmarks.
    internal PolicyEngine Engine => _engine;

    internal HandWrittenRules Hand => _hand;

    internal DataShareRequest Share => _share;

    internal TicketRouteRequest Route => _route;

    internal RefundRequest Refund => _refund;

    internal FirstResponseRequest Response => _response;

    internal ComplaintCloseRequest Close => _close;

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => BenchmarkPolicies.Now;
    }

    [GlobalSetup]
    public void Setup()
    {
        var policy = BenchmarkPolicies.SeedPack();
        var consents = new InMemoryConsentStore();
        consents.Grant("c-42", "crm-sync", "crm-provider");
        var clock = new FixedClock();
        _engine = PolicyEngine.Create(policy, new PolicyEngineOptions { ConsentStore = consents, TimeProvider = clock });
        _hand = new HandWrittenRules(consents, PhraseMatcher.Create(policy.Text), clock);
        _share = new DataShareRequest("c-42", "carrier", "order-delivery", new[] { "orderId", "parcelSize", "deliverySlot" });
        _shareWithConsent = new DataShareRequest("c-42", "crm-provider", "crm-sync", new[] { "email", "phone" });
        _route = new TicketRouteRequest(new CustomerFacts(Id: "c-42"), new TicketFacts(Id: "t-1", Category: "technical", Channel: "email", Language: "en"));
        _message = new MessageRequest("Thank you for your patience. Your replacement ships on Monday and the tracking link follows by e-mail.", "en");
        _refund = new RefundRequest("agent", 40m, "EUR", Reason: "damaged in transit");
        _response = new FirstResponseRequest("email", BenchmarkPolicies.Now.AddHours(-2));
        _close = new ComplaintCloseRequest("k-1", "Refunded the duplicate charge", true, Investigation: "Card processor retried", FeedbackRequested: true, ReceivedAt: BenchmarkPolicies.Now.AddDays(-2));

        Check(_engine.ShareData(_share), DecisionEffect.Allow, _hand.ShareData(_share).Allowed);
        Check(_engine.ShareData(_shareWithConsent), DecisionEffect.AllowWithObligations, _hand.ShareData(_shareWithConsent).Allowed);
        Check(_engine.RouteTicket(_route), DecisionEffect.Allow, _hand.RouteTicket(_route).Result == "technical");
        Check(_engine.CheckMessage(_message), DecisionEffect.Allow, _hand.CheckMessage(_message).Allowed);
        Check(_engine.IssueRefund(_refund), DecisionEffect.Allow, _hand.IssueRefund(_refund).Allowed);
        Check(_engine.CheckFirstResponse(_response), DecisionEffect.Allow, _hand.CheckFirstResponse(_response).Allowed);
        Check(_engine.CloseComplaint(_close), DecisionEffect.Allow, _hand.CloseComplaint(_close).Allowed);
    }

    private static void Check(Decision decision, DecisionEffect expected, bool handAgrees)
    {
        if (decision.Effect != expected || !handAgrees)
        {
            throw new InvalidOperationException($"The benchmark input does not take the intended path: {decision.Explain()}");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("data.share")]
    public HandDecision ShareData_HandWritten() => _hand.ShareData(_share);

    [Benchmark, BenchmarkCategory("data.share")]
    public Decision ShareData_Engine() => _engine.ShareData(_share);

    [Benchmark(Baseline = true), BenchmarkCategory("data.share+consent")]
    public HandDecision ShareWithConsent_HandWritten() => _hand.ShareData(_shareWithConsent);

    [Benchmark, BenchmarkCategory("data.share+consent")]
    public Decision ShareWithConsent_Engine() => _engine.ShareData(_shareWithConsent);

    [Benchmark(Baseline = true), BenchmarkCategory("ticket.route")]
    public HandDecision RouteTicket_HandWritten() => _hand.RouteTicket(_route);

    [Benchmark, BenchmarkCategory("ticket.route")]
    public Decision RouteTicket_Engine() => _engine.RouteTicket(_route);

    [Benchmark(Baseline = true), BenchmarkCategory("message.send")]
    public HandDecision CheckMessage_HandWritten() => _hand.CheckMessage(_message);

    [Benchmark, BenchmarkCategory("message.send")]
    public Decision CheckMessage_Engine() => _engine.CheckMessage(_message);

    [Benchmark(Baseline = true), BenchmarkCategory("refund.issue")]
    public HandDecision IssueRefund_HandWritten() => _hand.IssueRefund(_refund);

    [Benchmark, BenchmarkCategory("refund.issue")]
    public Decision IssueRefund_Engine() => _engine.IssueRefund(_refund);

    [Benchmark(Baseline = true), BenchmarkCategory("response.first")]
    public HandDecision FirstResponse_HandWritten() => _hand.CheckFirstResponse(_response);

    [Benchmark, BenchmarkCategory("response.first")]
    public Decision FirstResponse_Engine() => _engine.CheckFirstResponse(_response);

    [Benchmark(Baseline = true), BenchmarkCategory("complaint.close")]
    public HandDecision CloseComplaint_HandWritten() => _hand.CloseComplaint(_close);

    [Benchmark, BenchmarkCategory("complaint.close")]
    public Decision CloseComplaint_Engine() => _engine.CloseComplaint(_close);
}
