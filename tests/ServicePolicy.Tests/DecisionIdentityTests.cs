namespace ServicePolicy.Tests;

using System.Collections.Concurrent;
using ServicePolicy.Core.Model;
using ServicePolicy.Hosting;

/// <summary>
/// Decision ids are formed from a sequence number only when read: they must stay the same for a
/// decision (and its copies) and never repeat, whichever thread decided. The engine also reuses
/// one evaluation scope per thread, which must survive a decision taken inside another decision.
/// </summary>
public sealed class DecisionIdentityTests
{
    private static readonly RefundRequest Refund = new("agent", 20m, "EUR", Reason: "damaged");

    [Fact]
    public void A_decision_gives_the_same_id_on_every_read_and_in_every_copy()
    {
        var engine = SeedPack.Engine();
        var decision = engine.IssueRefund(Refund);
        var copy = decision;

        var first = decision.Id;
        engine.IssueRefund(Refund);
        engine.Evaluate("refund.issue", Refund);

        Assert.Equal(first, decision.Id);
        Assert.Equal(first, copy.Id);
        Assert.NotEqual(Guid.Empty, first);
        Assert.Contains(first.ToString(), decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decisions_on_one_thread_have_increasing_sequence_numbers_and_distinct_ids()
    {
        var engine = SeedPack.Engine();
        var decisions = Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? engine.IssueRefund(Refund) : engine.Evaluate("refund.issue", Refund)).ToList();

        for (var i = 1; i < decisions.Count; i++)
        {
            Assert.True(decisions[i].Sequence > decisions[i - 1].Sequence, $"decision {i}: {decisions[i].Sequence} after {decisions[i - 1].Sequence}");
        }

        Assert.Equal(decisions.Count, decisions.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Decisions_taken_on_many_threads_never_share_an_id()
    {
        var engine = SeedPack.Engine();
        var ids = new ConcurrentBag<Guid>();
        var sequences = new ConcurrentBag<long>();

        // More decisions per thread than one block of sequence numbers, and decisions without a
        // compiled action (unknown action, which take a number of their own) mixed in.
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (var i = 0; i < 700; i++)
            {
                var decision = i % 50 == 0 ? engine.Evaluate("no.such.action", Refund) : engine.IssueRefund(Refund);
                ids.Add(decision.Id);
                sequences.Add(decision.Sequence);
            }
        });

        Assert.Equal(8 * 700, ids.Distinct().Count());
        Assert.Equal(8 * 700, sequences.Distinct().Count());
    }

    [Fact]
    public void A_decision_taken_while_another_is_being_decided_on_the_same_thread_leaves_both_correct()
    {
        // A consent store that itself asks the engine for a decision (re-entrant use of the thread's scope).
        var inner = new List<Decision>();
        var consents = new ReentrantConsentStore();
        var engine = PolicyEngine.Create(SeedPack.Policy, new PolicyEngineOptions { ConsentStore = consents, TimeProvider = new ManualClock(SeedPack.Now) });
        consents.OnLookup = () =>
        {
            inner.Add(engine.IssueRefund(new RefundRequest("agent", 400m, "EUR", Reason: "goodwill")));
            inner.Add(engine.RouteTicket(new TicketRouteRequest(new CustomerFacts(Id: "c-1"), new TicketFacts(Id: "t-1", Category: "billing"))));
        };

        var outer = engine.ShareData(new DataShareRequest("c-42", "crm-provider", "crm-sync", new[] { "email", "phone" }));

        Assert.Equal(DecisionEffect.AllowWithObligations, outer.Effect);
        Assert.Contains("redact-in-logs", outer.Obligations.Select(o => o.Name));
        Assert.Equal("data.share", outer.Action);
        Assert.Equal(2, inner.Count);
        Assert.Equal(DecisionEffect.AllowWithObligations, inner[0].Effect);
        Assert.True(inner[0].RequiresApproval);
        Assert.Equal("billing", inner[1].Result);

        // The thread's scope is usable again afterwards.
        Assert.Equal(DecisionEffect.Allow, engine.IssueRefund(Refund).Effect);
        Assert.Equal("technical", engine.RouteTicket(new TicketRouteRequest(new CustomerFacts(Id: "c-1"), new TicketFacts(Id: "t-2", Category: "technical"))).Result);
    }

    [Fact]
    public void Typed_helpers_decide_with_the_engine_in_force_at_each_call()
    {
        var directory = Directory.CreateTempSubdirectory("sp-typed-").FullName;
        try
        {
            var path = Path.Combine(directory, "servicepolicy.yaml");
            File.WriteAllText(path, VersionedPolicies.Text("1.0", 100));
            using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = path, ReloadOnChange = false });
            IPolicyEngine hosted = new HostedPolicyEngine(provider);

            var before = hosted.IssueRefund(new RefundRequest("agent", 300m));
            File.WriteAllText(path, VersionedPolicies.Text("2.0", 500));
            Assert.True(provider.Reload().Succeeded);
            var after = hosted.IssueRefund(new RefundRequest("agent", 300m));

            Assert.Equal(("1.0", DecisionEffect.AllowWithObligations), (before.PolicyVersion, before.Effect));
            Assert.Equal(("2.0", DecisionEffect.Allow), (after.PolicyVersion, after.Effect));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class ReentrantConsentStore : IConsentStore
    {
        private bool _inside;

        public Action? OnLookup { get; set; }

        public ConsentState GetConsent(string subject, string purpose, string recipient)
        {
            if (!_inside)
            {
                _inside = true;
                try
                {
                    OnLookup?.Invoke();
                }
                finally
                {
                    _inside = false;
                }
            }

            return ConsentState.Granted;
        }
    }
}
