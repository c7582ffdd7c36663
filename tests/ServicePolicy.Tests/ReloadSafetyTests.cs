namespace ServicePolicy.Tests;

using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Hosting;

/// <summary>
/// Reloads that must not weaken the policy: a file caught half written, a policy whose own tests
/// fail, a policy that lost rules but kept its version; and start-up with wrong options or a
/// policy folder that does not exist yet.
/// </summary>
public sealed class ReloadSafetyTests : IDisposable
{
    private const string BannedClaim = "Our plan is guaranteed and completely free.";

    private readonly string _directory = Directory.CreateTempSubdirectory("sp-reload-safety-").FullName;

    private string PolicyPath => Path.Combine(_directory, "servicepolicy.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The seed pack up to its text rules: a valid policy of its own, without the banned claims.</summary>
    private static (string Full, string FirstPart) SeedPackSplit()
    {
        var full = File.ReadAllText(RepositoryPaths.SeedPack);
        var cut = full.IndexOf("\ntext:", StringComparison.Ordinal) + 1;
        Assert.True(cut > full.Length / 4, "The seed pack has no top-level `text:` section to cut at.");
        return (full, full.Substring(0, cut));
    }

    private static Decision Send(IPolicyEngine engine) =>
        engine.Evaluate("message.send", new Dictionary<string, object?> { ["text"] = BannedClaim, ["language"] = "en" });

    [Fact]
    public async Task A_writer_that_pauses_mid_write_never_gets_the_first_part_installed()
    {
        var (full, firstPart) = SeedPackSplit();
        // The test means something only if the first part alone loads and allows the message.
        var partial = PolicyEngine.FromText(firstPart, "first-part.yaml");
        Assert.False(partial.IsFailClosed, string.Join("; ", partial.LoadErrors));
        Assert.Equal(DecisionEffect.Allow, Send(partial).Effect);

        File.WriteAllText(PolicyPath, full);
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions
        {
            PolicyPath = PolicyPath,
            ReloadDelay = TimeSpan.FromMilliseconds(50),
            SettlePeriod = TimeSpan.FromSeconds(5),
        });
        var hosted = new HostedPolicyEngine(provider);
        Assert.Equal(DecisionEffect.Deny, Send(hosted).Effect);
        var fullRules = provider.Current.Policy!.Rules.Count;

        var installed = new ConcurrentQueue<int>();
        using var reloadedAfterWrite = new SemaphoreSlim(0);
        var writeDone = 0;
        provider.Reloaded += (_, result) =>
        {
            if (result.Succeeded)
            {
                installed.Enqueue(result.Current.Policy!.Rules.Count);
                if (Volatile.Read(ref writeDone) == 1)
                {
                    reloadedAfterWrite.Release();
                }
            }
        };

        using var stop = new CancellationTokenSource();
        var allowed = 0L;
        var decided = 0L;
        var deciders = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (Send(hosted).Effect != DecisionEffect.Deny)
                {
                    Interlocked.Increment(ref allowed);
                }

                Interlocked.Increment(ref decided);
            }
        })).ToArray();

        // Rewrite the file in place: the first part, a pause far longer than the reload delay
        // (but shorter than the settle period), then the rest.
        var bytes = Encoding.UTF8.GetBytes(full);
        var firstBytes = Encoding.UTF8.GetByteCount(firstPart);
        await using (var stream = new FileStream(PolicyPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            await stream.WriteAsync(bytes.AsMemory(0, firstBytes));
            await stream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await stream.WriteAsync(bytes.AsMemory(firstBytes));
        }

        Volatile.Write(ref writeDone, 1);
        Assert.True(await reloadedAfterWrite.WaitAsync(TimeSpan.FromSeconds(60)), "The complete file was never reloaded.");
        stop.Cancel();
        await Task.WhenAll(deciders);

        Assert.True(Interlocked.Read(ref decided) > 0);
        Assert.Equal(0, Interlocked.Read(ref allowed));
        Assert.All(installed, count => Assert.Equal(fullRules, count));
        Assert.Equal(DecisionEffect.Deny, Send(hosted).Effect);
    }

    [Fact]
    public void A_policy_moved_into_place_by_a_rename_is_installed_without_the_settle_wait()
    {
        File.WriteAllText(PolicyPath, VersionedPolicies.Text("1.0", 100));
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions
        {
            PolicyPath = PolicyPath,
            ReloadDelay = TimeSpan.FromMilliseconds(50),
            // Longer than the wait below: only the atomic replace can install the new version in time.
            SettlePeriod = TimeSpan.FromHours(1),
        });
        using var reloaded = new SemaphoreSlim(0);
        provider.Reloaded += (_, result) =>
        {
            if (result.Succeeded && result.Current.PolicyVersion == "2.0")
            {
                reloaded.Release();
            }
        };

        var temporary = Path.Combine(_directory, "servicepolicy.yaml.tmp");
        File.WriteAllText(temporary, VersionedPolicies.Text("2.0", 500));
        File.Move(temporary, PolicyPath, overwrite: true);

        Assert.True(reloaded.Wait(TimeSpan.FromSeconds(30)), "The renamed policy was not installed.");
        Assert.Equal("2.0", provider.Current.PolicyVersion);
    }

    [Fact]
    public void A_reload_whose_own_tests_fail_keeps_the_last_good_policy()
    {
        File.WriteAllText(PolicyPath, VersionedPolicies.Text("1.0", 100) + Test("refund of 300 needs approval", 300, "allow-with-obligations"));
        var logs = new CapturingLoggerProvider();
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = PolicyPath, ReloadOnChange = false, LoggerFactory = logs });
        Assert.Equal("1.0", provider.Current.PolicyVersion);

        // Version 2.0 raises the limit to 500, but its own test still expects approval at 300.
        File.WriteAllText(PolicyPath, VersionedPolicies.Text("2.0", 500) + Test("refund of 300 needs approval", 300, "allow-with-obligations"));
        var result = provider.Reload();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("refund of 300 needs approval", StringComparison.Ordinal));
        Assert.Equal("1.0", provider.Current.PolicyVersion);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("fails 1 of its own tests", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reload_that_drops_rules_but_keeps_its_version_is_logged_as_a_warning()
    {
        File.WriteAllText(PolicyPath, VersionedPolicies.Text("1.0", 100));
        var logs = new CapturingLoggerProvider();
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = PolicyPath, ReloadOnChange = false, LoggerFactory = logs });

        var withoutRules = VersionedPolicies.Text("1.0", 100);
        File.WriteAllText(PolicyPath, withoutRules.Substring(0, withoutRules.IndexOf("rules:", StringComparison.Ordinal)));
        var result = provider.Reload();

        Assert.True(result.Succeeded);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("lost 1 rules (P8-limit) but kept its version", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("policy\0.yaml")]
    public void A_wrong_policy_path_is_an_options_validation_error(string path)
    {
        var services = new ServiceCollection();
        services.AddServicePolicy(o => o.PolicyPath = path);
        using var container = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => container.GetRequiredService<IPolicyEngine>().Evaluate("refund.issue", new { amount = 1 }));

        Assert.Contains("ServicePolicyOptions.PolicyPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_folder_missing_at_start_up_is_picked_up_when_it_appears()
    {
        var folder = Path.Combine(_directory, "later");
        var path = Path.Combine(folder, "servicepolicy.yaml");
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = path, ReloadDelay = TimeSpan.FromMilliseconds(50), SettlePeriod = TimeSpan.FromMilliseconds(200) });
        var hosted = new HostedPolicyEngine(provider);
        Assert.True(provider.Current.IsFailClosed);
        Assert.Equal(DecisionEffect.Deny, hosted.IssueRefund(new RefundRequest("agent", 50m)).Effect);

        using var reloaded = new SemaphoreSlim(0);
        provider.Reloaded += (_, result) =>
        {
            if (result.Succeeded)
            {
                reloaded.Release();
            }
        };
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "servicepolicy.yaml.tmp");
        File.WriteAllText(temporary, VersionedPolicies.Text("1.0", 100));
        File.Move(temporary, path);

        Assert.True(reloaded.Wait(TimeSpan.FromSeconds(60)), "The policy that appeared later was never loaded.");
        Assert.False(provider.Current.IsFailClosed);
        Assert.Equal(DecisionEffect.Allow, hosted.IssueRefund(new RefundRequest("agent", 50m)).Effect);
    }

    private static string Test(string name, decimal amount, string effect) => $$"""

        tests:
          - name: {{name}}
            action: refund.issue
            input: {agent.role: agent, amount: {{amount}}}
            expect: {effect: {{effect}}}
        """;
}
