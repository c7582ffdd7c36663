namespace ServicePolicy.Tests;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePolicy.Core.Model;
using ServicePolicy.Hosting;

/// <summary>AddServicePolicy wires the engine, the consent store and the clock into a container.</summary>
public sealed class HostingTests
{
    [Fact]
    public void The_container_gives_an_engine_over_the_policy_file_with_its_consent_store()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddServicePolicy(o =>
        {
            o.PolicyPath = RepositoryPaths.SeedPack;
            o.ReloadOnChange = false;
        });
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<IPolicyEngine>();
        var consents = Assert.IsType<InMemoryConsentStore>(provider.GetRequiredService<IConsentStore>());
        var request = new DataShareRequest("c-5", "crm-provider", "crm-sync", new[] { "email" });

        Assert.Equal("service-ethics", engine.PolicyName);
        Assert.Equal(DecisionEffect.Deny, engine.ShareData(request).Effect);
        consents.Grant("c-5", "crm-sync", "crm-provider");
        Assert.True(engine.ShareData(request).IsAllowed);
        Assert.Same(provider.GetRequiredService<IPolicyEngineProvider>().Current, provider.GetRequiredService<IPolicyEngineProvider>().Current);
    }

    private sealed class DenyAllConsents : IConsentStore
    {
        public ConsentState GetConsent(string subject, string purpose, string recipient) => ConsentState.Withdrawn;
    }

    [Fact]
    public void A_consent_store_and_clock_registered_before_are_used()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConsentStore, DenyAllConsents>();
        services.AddSingleton<TimeProvider>(new ManualClock(SeedPack.Now));
        services.AddServicePolicy(o =>
        {
            o.PolicyPath = RepositoryPaths.SeedPack;
            o.ReloadOnChange = false;
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPolicyEngine>();

        var share = engine.ShareData(new DataShareRequest("c-5", "crm-provider", "crm-sync", new[] { "email" }));
        var followUp = engine.CheckFollowUp(new FollowUpCheckRequest("a", SeedPack.Now.AddMinutes(-1)));

        Assert.Contains("P1-withdrawn-consent", share.FiredRules);
        Assert.Contains("P4-followup-kept", followUp.FiredRules);
    }

    [Fact]
    public void A_missing_policy_file_fails_closed_in_the_container_and_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddServicePolicy(o =>
        {
            o.PolicyPath = Path.Combine(Path.GetTempPath(), "sp-does-not-exist", "policy.yaml");
            o.ReloadOnChange = false;
        });
        using var provider = services.BuildServiceProvider();

        var decision = provider.GetRequiredService<IPolicyEngine>().RouteTicket(new { });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error);
    }
}
