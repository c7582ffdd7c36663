namespace ServicePolicy.Tests;

using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>Listeners and allocation checks change process-wide state, so these tests do not run beside others.</summary>
[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState
{
}

/// <summary>Each decision starts an activity and feeds the counters and the duration histogram.</summary>
[Collection(nameof(ProcessWideState))]
public sealed class TelemetryTests
{
    [Fact]
    public void A_decision_emits_an_activity_with_its_tags()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServicePolicyTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);

        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", 250m, "EUR", Reason: "telemetry-test"), new EvaluationContext { CorrelationId = "req-77" });

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => (string?)a.GetTagItem("servicepolicy.decision.id") == decision.Id.ToString());
        }

        Assert.Equal(ServicePolicyTelemetry.DecisionActivity, activity.OperationName);
        Assert.Equal("refund.issue", activity.GetTagItem("servicepolicy.action"));
        Assert.Equal("allow-with-obligations", activity.GetTagItem("servicepolicy.effect"));
        Assert.Equal("P8-within-agent-authority", activity.GetTagItem("servicepolicy.rules"));
        Assert.Equal("service-ethics", activity.GetTagItem("servicepolicy.policy.name"));
        Assert.Equal("req-77", activity.GetTagItem("servicepolicy.correlation.id"));
    }

    [Fact]
    public void Decisions_violations_and_durations_are_measured()
    {
        var counts = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        var durations = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServicePolicyTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (counts)
            {
                counts.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (durations)
            {
                durations.Add(value);
            }
        });
        listener.Start();

        var engine = SeedPack.Engine();
        engine.CheckMessage(new MessageRequest("Guaranteed to work, you idiot.", "en"));
        engine.CheckMessage(new MessageRequest("Thanks for your patience.", "en"));

        lock (counts)
        {
            Assert.Contains(counts, c => c.Instrument == ServicePolicyTelemetry.DecisionsCounter && (string?)c.Tags["action"] == "message.send" && (string?)c.Tags["effect"] == "deny");
            Assert.Contains(counts, c => c.Instrument == ServicePolicyTelemetry.DecisionsCounter && (string?)c.Tags["action"] == "message.send" && (string?)c.Tags["effect"] == "allow");
            Assert.Contains(counts, c => c.Instrument == ServicePolicyTelemetry.ViolationsCounter && (string?)c.Tags["rule"] == "P3-no-exaggerated-claims" && (string?)c.Tags["principle"] == "P3");
            Assert.Contains(counts, c => c.Instrument == ServicePolicyTelemetry.ViolationsCounter && (string?)c.Tags["rule"] == "P7-no-disrespectful-language");
        }

        lock (durations)
        {
            Assert.True(durations.Count >= 2);
            Assert.All(durations, d => Assert.True(d >= 0));
        }
    }
}

/// <summary>The allow path allocates nothing once warmed up (a deterministic count, not a timing).</summary>
[Collection(nameof(ProcessWideState))]
public sealed class AllocationTests
{
    private static long AllocatedBy(Action action)
    {
        action();
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void An_allowed_share_allocates_nothing()
    {
        var engine = SeedPack.Engine();
        var request = new DataShareRequest("c-1", "carrier", "order-delivery", new[] { "orderId", "parcelWeight" });
        Assert.Equal(Core.Model.DecisionEffect.Allow, engine.ShareData(request).Effect);

        Assert.Equal(0, AllocatedBy(() => engine.ShareData(request)));
    }

    [Fact]
    public void An_allowed_routing_decision_allocates_nothing()
    {
        var engine = SeedPack.Engine();
        var request = new TicketRouteRequest(new CustomerFacts(Id: "c-1"), new TicketFacts(Id: "t-1", Category: "billing", Language: "en"));
        Assert.Equal("billing", engine.RouteTicket(request).Result);

        Assert.Equal(0, AllocatedBy(() => engine.RouteTicket(request)));
    }

    [Fact]
    public void An_allowed_refund_allocates_nothing()
    {
        var engine = SeedPack.Engine();
        var request = new RefundRequest("agent", 20m, "EUR", Reason: "damaged");
        Assert.Equal(Core.Model.DecisionEffect.Allow, engine.IssueRefund(request).Effect);

        Assert.Equal(0, AllocatedBy(() => engine.IssueRefund(request)));
    }
}
