namespace ServicePolicy;

using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>
/// Names for OpenTelemetry: add the source with <c>AddSource(ServicePolicyTelemetry.SourceName)</c>
/// and the meter with <c>AddMeter(ServicePolicyTelemetry.MeterName)</c>.
/// </summary>
public static class ServicePolicyTelemetry
{
    public const string SourceName = "ServicePolicy";
    public const string MeterName = "ServicePolicy";

    /// <summary>The activity started for each decision.</summary>
    public const string DecisionActivity = "servicepolicy.decision";

    /// <summary>Counter of decisions, tagged <c>action</c> and <c>effect</c>.</summary>
    public const string DecisionsCounter = "servicepolicy.decisions";

    /// <summary>Counter of violations, tagged <c>rule</c>, <c>principle</c> and <c>action</c>.</summary>
    public const string ViolationsCounter = "servicepolicy.violations";

    /// <summary>Histogram of evaluation time in milliseconds, tagged <c>action</c>.</summary>
    public const string DurationHistogram = "servicepolicy.evaluation.duration";

    private static readonly string? Version = typeof(ServicePolicyTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(SourceName, Version);
    internal static readonly Meter Meter = new(MeterName, Version);
    internal static readonly Counter<long> Decisions = Meter.CreateCounter<long>(DecisionsCounter, "{decision}", "Decisions taken, by action and effect.");
    internal static readonly Counter<long> Violations = Meter.CreateCounter<long>(ViolationsCounter, "{violation}", "Violations found, by rule and principle.");
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationHistogram, "ms", "Time to evaluate a decision.");

    /// <summary>True when a decision has anything to record: an activity listener or a listener on one of the instruments.</summary>
    internal static bool IsObserved => Decisions.Enabled || Violations.Enabled || Duration.Enabled || Source.HasListeners();
}
