namespace ServicePolicy;

using Microsoft.Extensions.Logging;
using ServicePolicy.Core.Loading;

/// <summary>How an engine is built and what it uses while deciding.</summary>
public class PolicyEngineOptions
{
    /// <summary>Where consents are read for data.share. Defaults to a new, empty <see cref="InMemoryConsentStore"/>.</summary>
    public IConsentStore? ConsentStore { get; set; }

    /// <summary>The clock for deadline checks and decision timestamps. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Where decisions and load errors are logged. Defaults to no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// When the policy cannot be loaded, allow every action (each decision carries an
    /// <c>engine.policy-not-loaded</c> warning) instead of denying everything. Off by default:
    /// a broken policy fails closed.
    /// </summary>
    public bool FailOpenOnLoadError { get; set; }

    /// <summary>The time a <c>matches</c> condition or a text pattern may take on one value.</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The time one decision may take in all: every rule, every list element and every regular
    /// expression match draw on it. A decision that runs out of time is denied with
    /// <c>engine.time-budget-exceeded</c>, never allowed. One second by default.
    /// </summary>
    public TimeSpan DecisionTimeBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Build every decision's explanation at once (rather than on first request for allowed decisions).</summary>
    public bool EagerExplanations { get; set; }

    /// <summary>The level at which allowed decisions are logged (denied ones are logged one level higher, at least Warning).</summary>
    public LogLevel DecisionLogLevel { get; set; } = LogLevel.Information;

    /// <summary>Options for reading the policy file (limits, include resolution).</summary>
    public PolicyLoadOptions? LoadOptions { get; set; }
}
