namespace ServicePolicy.Telemetry;

using Microsoft.Extensions.Logging;

/// <summary>
/// The decision log (P10): structured, with the decision id, action, effect, the rules that fired,
/// and the effective policy (name, version, included packs, rules switched off, content hash).
/// Input values are never logged.
/// </summary>
internal static class DecisionLog
{
    private static readonly EventId DecisionEvent = new(1000, "PolicyDecision");

    private static readonly Action<ILogger, string, int, string, Exception?> LoadFailed = LoggerMessage.Define<string, int, string>(
        LogLevel.Error,
        new EventId(1001, "PolicyLoadFailed"),
        "The policy {PolicyPath} could not be loaded ({ErrorCount} errors): {Errors}");

    private static readonly Action<ILogger, string, string, string, Exception?> Loaded = LoggerMessage.Define<string, string, string>(
        LogLevel.Information,
        new EventId(1002, "PolicyLoaded"),
        "The policy {PolicyPath} is in force: {PolicyName} {PolicyVersion}");

    private static readonly Action<ILogger, string, Exception?> KeptLastGood = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(1003, "PolicyReloadRejected"),
        "The edited policy {PolicyPath} is invalid; the last good policy stays in force");

    public static void Decision(ILogger logger, LogLevel allowedLevel, in Decision decision)
    {
        var level = decision.Effect == Core.Model.DecisionEffect.Deny ? (LogLevel)Math.Max((int)allowedLevel + 1, (int)LogLevel.Warning) : allowedLevel;
        if (level > LogLevel.Critical || !logger.IsEnabled(level))
        {
            return;
        }

        logger.Log(level, DecisionEvent, new DecisionLogEntry(decision), null, static (entry, _) => entry.ToString());
    }

    public static void PolicyLoadFailed(ILogger logger, string path, IReadOnlyList<Core.Loading.PolicyError> errors) =>
        LoadFailed(logger, path, errors.Count(e => e.IsError), string.Join(Environment.NewLine, errors.Where(e => e.IsError).Take(20)), null);

    public static void PolicyLoaded(ILogger logger, string path, string name, string version) => Loaded(logger, path, name, version, null);

    public static void ReloadRejected(ILogger logger, string path) => KeptLastGood(logger, path, null);
}
