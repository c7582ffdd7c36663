namespace ServicePolicy.Telemetry;

using System.Collections;
using Microsoft.Extensions.Logging;

/// <summary>
/// One decision log line as structured state: more named values than <see cref="LoggerMessage"/>
/// defines (it stops at six), so the effective policy's identity can travel with every line.
/// </summary>
internal readonly struct DecisionLogEntry : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Format = "Policy decision {DecisionId}: {Action} -> {Effect}; rules fired: {RulesFired}; policy {PolicyName} {PolicyVersion} ({PolicyIncludes}; {PolicyDisabled}; sha256 {PolicyHash})";

    private readonly KeyValuePair<string, object?>[] _values;

    public DecisionLogEntry(in Decision decision)
    {
        var identity = decision.PolicyIdentity;
        _values = new KeyValuePair<string, object?>[]
        {
            new("DecisionId", decision.Id),
            new("Action", decision.Action),
            new("Effect", Decision.EffectName(decision.Effect)),
            new("RulesFired", string.Join(",", decision.FiredRules)),
            new("PolicyName", decision.PolicyName),
            new("PolicyVersion", decision.PolicyVersion),
            new("PolicyIncludes", identity.Includes.Count == 0 ? "no includes" : "includes " + string.Join(", ", identity.Includes)),
            new("PolicyDisabled", identity.Disabled.Count == 0 ? "nothing disabled" : "disables " + string.Join(", ", identity.Disabled)),
            new("PolicyHash", identity.ContentHash.Length == 0 ? "unknown" : identity.ContentHash),
            new("{OriginalFormat}", Format),
        };
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"Policy decision {_values[0].Value}: {_values[1].Value} -> {_values[2].Value}; rules fired: {_values[3].Value}; policy {_values[4].Value} {_values[5].Value} ({_values[6].Value}; {_values[7].Value}; sha256 {_values[8].Value})";
}
