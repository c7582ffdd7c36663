namespace Microsoft.Extensions.DependencyInjection;

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePolicy;
using ServicePolicy.Hosting;

/// <summary>Registers the ServicePolicy engine with dependency injection.</summary>
public static class ServicePolicyServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPolicyEngine"/> (decides with the policy in force), <see cref="IPolicyEngineProvider"/>
    /// (loads and, by default, reloads the policy file), an <see cref="IConsentStore"/> (an
    /// <see cref="InMemoryConsentStore"/> unless one is registered) and <see cref="TimeProvider"/> (the
    /// system clock unless one is registered). A policy that fails to load denies every action
    /// unless <see cref="PolicyEngineOptions.FailOpenOnLoadError"/> is set.
    /// </summary>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, Action<ServicePolicyOptions>? configure = null)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<ServicePolicyOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServicePolicyOptions>, ServicePolicyOptionsValidator>());
        if (configure != null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IConsentStore, InMemoryConsentStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPolicyEngineProvider>(provider =>
        {
            var configured = provider.GetRequiredService<IOptions<ServicePolicyOptions>>().Value;
            configured.ConsentStore ??= provider.GetRequiredService<IConsentStore>();
            configured.TimeProvider ??= provider.GetRequiredService<TimeProvider>();
            configured.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            return new FilePolicyEngineProvider(configured);
        });
        services.TryAddSingleton<IPolicyEngine, HostedPolicyEngine>();
        return services;
    }
}
