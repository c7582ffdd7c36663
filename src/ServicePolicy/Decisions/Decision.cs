namespace ServicePolicy;

using System.Text;
using ServicePolicy.Core.Model;

/// <summary>
/// The answer to one request: the effect, the violations and obligations, the routing result, the
/// policy version that decided, and an explanation. A value (an immutable struct): an allowed
/// decision costs no allocation; its explanation is built on first request by re-running the
/// decision's rules in explaining mode on the same input and time (consents are read again), while
/// a denied decision carries its explanation from the start. Do not mutate the input object if you
/// will ask an allowed decision for its explanation later.
/// </summary>
/// <remarks>
/// <see cref="DecisionEffect.AllowWithObligations"/> means the caller must fulfil every obligation;
/// when one is an approval (<see cref="Obligation.IsApproval"/>) the caller must not carry out the
/// action until the approval is obtained. A default (uninitialised) Decision denies.
/// </remarks>
public readonly struct Decision
{
    private static readonly long ProcessPrefix = BitConverter.ToInt64(Guid.NewGuid().ToByteArray(), 0);

    private readonly PolicyEngine? _engine;
    private readonly object? _input;
    private readonly EvaluationContext? _context;
    private readonly DecisionExplanation? _explanation;
    private readonly long _sequence;
    private readonly DecisionEffect _effect;
    private readonly IReadOnlyList<Violation>? _violations;
    private readonly IReadOnlyList<Obligation>? _obligations;
    private readonly IReadOnlyList<string>? _firedRules;

    internal Decision(PolicyEngine engine, long sequence, string action, object? input, EvaluationContext? context, DateTimeOffset timestamp, DecisionEffect effect, string? result,
        IReadOnlyList<Violation>? violations, IReadOnlyList<Obligation>? obligations, IReadOnlyList<string>? firedRules, DecisionExplanation? explanation)
    {
        _engine = engine;
        _input = input;
        _context = context;
        _explanation = explanation;
        _sequence = sequence;
        _effect = effect;
        Action = action;
        Timestamp = timestamp;
        Result = result;
        _violations = violations;
        _obligations = obligations;
        _firedRules = firedRules;
    }

    /// <summary>
    /// A unique id for logs and audits: a process-random prefix and <see cref="Sequence"/>. The
    /// decision stores only the sequence number; the id is formed from it when read, so every read
    /// of the same decision (and of its copies) gives the same id.
    /// </summary>
    public Guid Id
    {
        get
        {
            var s = (ulong)_sequence;
            return new Guid((int)ProcessPrefix, (short)(ProcessPrefix >> 32), (short)(ProcessPrefix >> 48),
                (byte)(s >> 56), (byte)(s >> 48), (byte)(s >> 40), (byte)(s >> 32), (byte)(s >> 24), (byte)(s >> 16), (byte)(s >> 8), (byte)s);
        }
    }

    /// <summary>
    /// The number of this decision, unique in the process and increasing on each thread (the last
    /// part of <see cref="Id"/>). Threads take numbers from the process-wide counter in blocks, so
    /// numbers of decisions taken on different threads do not follow the order in which they were taken.
    /// </summary>
    public long Sequence => _sequence;

    public string Action { get; }

    /// <summary>The outcome. Deny for a default-constructed value.</summary>
    public DecisionEffect Effect => _engine == null ? DecisionEffect.Deny : _effect;

    /// <summary>True unless denied. With obligations, the caller must still fulfil them (and wait for any approval).</summary>
    public bool IsAllowed => Effect != DecisionEffect.Deny;

    /// <summary>True when the decision carries an approval obligation: do not act until approved.</summary>
    public bool RequiresApproval => Obligations.Any(o => o.IsApproval);

    public DateTimeOffset Timestamp { get; }

    /// <summary>For routing, prioritisation, pricing and eligibility: what the policy's table decided.</summary>
    public string? Result { get; }

    public IReadOnlyList<Violation> Violations => _violations ?? Array.Empty<Violation>();

    public IReadOnlyList<Obligation> Obligations => _obligations ?? Array.Empty<Obligation>();

    /// <summary>Every rule that fired (obligation rules included) and the engine.* ids of problems found.</summary>
    public IReadOnlyList<string> FiredRules => _firedRules ?? Array.Empty<string>();

    public string PolicyName => _engine?.PolicyName ?? "";

    public string PolicyVersion => _engine?.PolicyVersion ?? "";

    /// <summary>The effective policy: its name and version, the packs it includes, its content hash and the rules it switches off.</summary>
    public Core.Model.PolicyIdentity PolicyIdentity => _engine?.PolicyIdentity ?? Core.Model.PolicyIdentity.Unknown;

    /// <summary>Why the decision came out as it did, rule by rule (personal values as ***).</summary>
    public DecisionExplanation Explanation => _explanation ?? _engine?.ExplainLater(this, _input, _context) ?? DecisionExplanation.Empty;

    /// <summary>The decision in plain text: outcome, violations, obligations, result and the explanation.</summary>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append("Decision ").Append(Id).Append(": ").Append(Action).Append(" -> ").Append(EffectName(Effect));
        text.Append(" (policy ").Append(PolicyIdentity.Name.Length > 0 ? PolicyIdentity.ToString() : (PolicyName.Length > 0 ? PolicyName : "(unnamed)") + " " + PolicyVersion).AppendLine(")");
        if (Result != null)
        {
            text.Append("Result: ").AppendLine(Result);
        }

        if (Violations.Count > 0)
        {
            text.AppendLine("Violations:");
            foreach (var violation in Violations)
            {
                text.Append("  - ").AppendLine(violation.ToString());
            }
        }

        if (Obligations.Count > 0)
        {
            text.AppendLine(RequiresApproval ? "Obligations (do not proceed until the approval is obtained):" : "Obligations:");
            foreach (var obligation in Obligations)
            {
                text.Append("  - ").AppendLine(obligation.ToString());
            }
        }

        text.Append(Explanation.ToText());
        return text.ToString();
    }

    public override string ToString() => Explain();

    /// <summary>allow, deny or allow-with-obligations, as policies write it.</summary>
    public static string EffectName(DecisionEffect effect) => effect switch
    {
        DecisionEffect.Allow => "allow",
        DecisionEffect.Deny => "deny",
        _ => "allow-with-obligations",
    };
}
