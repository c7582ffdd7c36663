namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;
using ServicePolicy.Hosting;

/// <summary>Decisions taken while the policy is reloaded over and over are each consistent with exactly one version.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sp-concurrency-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Every_decision_matches_the_version_it_reports_while_reloads_run()
    {
        var path = Path.Combine(_directory, "servicepolicy.yaml");
        File.WriteAllText(path, VersionedPolicies.Text("1.0", 100));
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = path, ReloadOnChange = false });
        IPolicyEngine engine = new HostedPolicyEngine(provider);
        var versionsSeen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var mismatches = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 3).Select(worker => Task.Run(() =>
        {
            var amounts = new[] { 50m, 300m, 700m };
            var count = 0;
            while (!stop.IsCancellationRequested || count < 100)
            {
                var amount = amounts[count++ % amounts.Length];
                var decision = engine.IssueRefund(new RefundRequest("agent", amount));
                var limit = decision.PolicyVersion switch { "1.0" => 100m, "2.0" => 500m, _ => -1m };
                var expected = amount > limit ? DecisionEffect.AllowWithObligations : DecisionEffect.Allow;
                versionsSeen.AddOrUpdate(decision.PolicyVersion, 1, (_, n) => n + 1);
                if (limit < 0 || decision.Effect != expected || (expected != DecisionEffect.Allow && !decision.Violations[0].Message.EndsWith(" " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
                {
                    mismatches.Enqueue($"version {decision.PolicyVersion}, amount {amount}: {decision.Effect} {string.Join(";", decision.Violations.Select(v => v.Message))}");
                }
            }
        })).ToArray();

        for (var i = 0; i < 60; i++)
        {
            var version = i % 2 == 0 ? "2.0" : "1.0";
            File.WriteAllText(path, version == "2.0" ? VersionedPolicies.Text("2.0", 500) : VersionedPolicies.Text("1.0", 100));
            var seenBefore = versionsSeen.GetValueOrDefault(version);
            Assert.True(provider.Reload().Succeeded);

            // Let the workers decide with this version before the next swap, so that versions interleave.
            Assert.True(SpinWait.SpinUntil(() => versionsSeen.GetValueOrDefault(version) > seenBefore + 10, TimeSpan.FromSeconds(10)), "Workers made no decision with version " + version);
        }

        stop.Cancel();
        await Task.WhenAll(workers);

        Assert.Empty(mismatches);
        Assert.True(versionsSeen.ContainsKey("1.0") && versionsSeen.ContainsKey("2.0"), "Both versions should have decided: " + string.Join(", ", versionsSeen));
    }
}
