namespace SupportDesk;

using ServicePolicy;
using ServicePolicy.Hosting;
using SupportDesk.Complaints;
using SupportDesk.Customers;
using SupportDesk.FollowUps;
using SupportDesk.Messaging;
using SupportDesk.Payments;
using SupportDesk.Routing;
using SupportDesk.Sharing;
using SupportDesk.Storage;

/// <summary>
/// Composes the help desk: its services, the ServicePolicy engine (AddServicePolicy) and the
/// endpoints. Split from Program so that tests and the demo host the same app.
/// </summary>
public static class SupportDeskApp
{
    /// <summary>Configuration key for the policy file (absolute, or relative to the content root).</summary>
    public const string PolicyPathKey = "ServicePolicy:PolicyPath";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddServices(builder.Services, PolicyPath(builder.Configuration[PolicyPathKey], builder.Environment.ContentRootPath));
        return builder;
    }

    public static void AddServices(IServiceCollection services, string policyPath)
    {
        services.AddSingleton<HelpDeskStore>();
        services.AddSingleton(AgentDirectory.Seeded());
        // The desk records consents itself (grant, withdraw), and the engine reads the same store.
        services.AddSingleton<InMemoryConsentStore>();
        services.AddSingleton<IConsentStore>(provider => provider.GetRequiredService<InMemoryConsentStore>());
        services.AddSingleton<SimulatedPartnerCrm>();
        services.AddSingleton<IPartnerCrm>(provider => provider.GetRequiredService<SimulatedPartnerCrm>());
        services.AddSingleton<CrmShare>();
        services.AddSingleton<TicketRouter>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<ConsentPurposes>();
        services.AddServicePolicy(options =>
        {
            options.PolicyPath = policyPath;
            // A policy that cannot be read refuses everything (fail closed): safer than a desk with no rules.
            options.FailOpenOnLoadError = false;
        });
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapGet("/policy", (IPolicyEngineProvider policy) => PolicyStatus.Of(policy.Current));
        app.MapCustomers();
        app.MapSharing();
        app.MapTickets();
        app.MapReplies();
        app.MapPayments();
        app.MapComplaints();
        app.MapFollowUps();
        app.Lifetime.ApplicationStarted.Register(() => PolicyStatus.LogIfFailClosed(app.Services));
        return app;
    }

    /// <summary>
    /// The configured policy path (relative paths against the content root), else the copy of
    /// policies/service-ethics.yaml that the build places beside the app.
    /// </summary>
    public static string PolicyPath(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "policies", "service-ethics.yaml")
            : Path.GetFullPath(configured, contentRoot);
}
