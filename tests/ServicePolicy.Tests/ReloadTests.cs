namespace ServicePolicy.Tests;

using Microsoft.Extensions.Logging;
using ServicePolicy.Core.Model;
using ServicePolicy.Hosting;

/// <summary>Reloading the policy file: good edits swap in, broken edits keep the last good policy and are logged.</summary>
public sealed class ReloadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sp-reload-").FullName;

    private string PolicyPath => Path.Combine(_directory, "servicepolicy.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Decision Refund(IPolicyEngine engine) => engine.IssueRefund(new RefundRequest("agent", 300m));

    [Fact]
    public void A_broken_edit_keeps_the_last_good_policy_and_logs_the_errors()
    {
        File.WriteAllText(PolicyPath, VersionedPolicies.Text("1.0", 100));
        var logs = new CapturingLoggerProvider();
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = PolicyPath, ReloadOnChange = false, LoggerFactory = logs });
        Assert.Equal("1.0", provider.Current.PolicyVersion);

        File.WriteAllText(PolicyPath, VersionedPolicies.Broken);
        var result = provider.Reload();

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        Assert.Equal("1.0", provider.Current.PolicyVersion);
        Assert.Equal(DecisionEffect.AllowWithObligations, Refund(provider.Current).Effect);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("servicepolicy.yaml", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("last good policy", StringComparison.Ordinal));

        File.WriteAllText(PolicyPath, VersionedPolicies.Text("2.0", 500));
        Assert.True(provider.Reload().Succeeded);
        Assert.Equal("2.0", provider.Current.PolicyVersion);
        Assert.Equal(DecisionEffect.Allow, Refund(provider.Current).Effect);
    }

    [Fact]
    public void A_policy_broken_from_the_start_fails_closed_until_a_good_version_appears()
    {
        File.WriteAllText(PolicyPath, VersionedPolicies.Broken);
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = PolicyPath, ReloadOnChange = false });
        var hosted = new HostedPolicyEngine(provider);

        Assert.True(provider.Current.IsFailClosed);
        Assert.Equal(DecisionEffect.Deny, Refund(hosted).Effect);

        File.WriteAllText(PolicyPath, VersionedPolicies.Text("1.0", 100));
        provider.Reload();

        Assert.False(provider.Current.IsFailClosed);
        Assert.Equal("1.0", hosted.PolicyVersion);
        Assert.Equal(DecisionEffect.AllowWithObligations, Refund(hosted).Effect);
    }

    [Fact]
    public void Editing_the_file_reloads_it_through_the_file_watcher()
    {
        File.WriteAllText(PolicyPath, VersionedPolicies.Text("1.0", 100));
        using var provider = new FilePolicyEngineProvider(new ServicePolicyOptions { PolicyPath = PolicyPath, ReloadOnChange = true, ReloadDelay = TimeSpan.FromMilliseconds(50) });
        using var reloaded = new SemaphoreSlim(0);
        provider.Reloaded += (_, result) =>
        {
            if (result.Succeeded && result.Current.PolicyVersion == "2.0")
            {
                reloaded.Release();
            }
        };

        File.WriteAllText(PolicyPath, VersionedPolicies.Text("2.0", 500));

        Assert.True(reloaded.Wait(TimeSpan.FromSeconds(20)), "The file watcher did not reload the edited policy.");
        Assert.Equal("2.0", provider.Current.PolicyVersion);
    }
}
