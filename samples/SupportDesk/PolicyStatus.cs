namespace SupportDesk;

using ServicePolicy;
using ServicePolicy.Hosting;

/// <summary>Which policy is in force; a desk running on a policy that failed to load says so loudly.</summary>
public sealed record PolicyStatus(string Name, string Version, bool FailClosed, IReadOnlyList<string> Errors)
{
    public static PolicyStatus Of(PolicyEngine engine) => new(
        engine.PolicyName,
        engine.PolicyVersion,
        engine.IsFailClosed,
        engine.LoadErrors.Select(e => e.ToString()).ToList());

    public static void LogIfFailClosed(IServiceProvider services)
    {
        // The engine logs which policy is in force; the desk adds what it means when there is none.
        var status = Of(services.GetRequiredService<IPolicyEngineProvider>().Current);
        if (status.FailClosed)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportDesk").LogError(
                "The policy could not be loaded; the desk refuses every share, reply, refund and closure until it is fixed: {Errors}",
                string.Join("; ", status.Errors));
        }
    }
}
