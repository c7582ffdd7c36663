namespace SupportDesk.Api;

using ServicePolicy;

/// <summary>A policy decision as the API returns it: the outcome, why, and what the caller must do.</summary>
public sealed record DecisionView(
    Guid Id,
    string Action,
    string Effect,
    string Policy,
    string? Result,
    IReadOnlyList<ViolationView> Violations,
    IReadOnlyList<ObligationView> Obligations,
    IReadOnlyList<string> FiredRules,
    IReadOnlyList<FactView> Facts,
    string? Explanation)
{
    /// <summary>
    /// The decision for a response. The full explanation (every rule considered, each condition
    /// with the value it saw, personal values as ***) is included when the request was refused or
    /// carries obligations, because that is when the caller needs to know why.
    /// </summary>
    public static DecisionView From(Decision decision)
    {
        var explain = decision.Effect != ServicePolicy.Core.Model.DecisionEffect.Allow;
        return new DecisionView(
            decision.Id,
            decision.Action,
            Decision.EffectName(decision.Effect),
            $"{decision.PolicyName} {decision.PolicyVersion}",
            decision.Result,
            decision.Violations.Select(v => new ViolationView(v.RuleId, v.Principle, v.Severity.ToString().ToLowerInvariant(), v.Message, v.Remediation)).ToList(),
            decision.Obligations.Select(o => new ObligationView(o.Name, o.RuleId, o.Message, o.IsApproval)).ToList(),
            decision.FiredRules,
            explain ? decision.Explanation.Facts.Select(f => new FactView(f.Name, f.Value)).ToList() : Array.Empty<FactView>(),
            explain ? decision.Explain() : null);
    }
}

public sealed record ViolationView(string RuleId, string Principle, string Severity, string Message, string Remediation);

public sealed record ObligationView(string Name, string RuleId, string Message, bool Approval);

public sealed record FactView(string Name, string Value);
