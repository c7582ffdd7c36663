namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;

/// <summary>A rule compiled for one action: its condition as a delegate, its message as a template.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(Rule source, Func<EvaluationScope, bool>? when, MessageTemplate message, MessageTemplate remediation, FieldSlot[] conditionFields)
    {
        Source = source;
        When = when;
        Message = message;
        Remediation = remediation;
        ConditionFields = conditionFields;
        ObligationName = source.Obligation.Length > 0 ? source.Obligation
            : source.Effect == RuleEffect.RequireApproval ? "approval"
            : source.Id;
    }

    public Rule Source { get; }

    public string Id => Source.Id;

    /// <summary>Null when the rule has no condition: it fires on every request of its action.</summary>
    public Func<EvaluationScope, bool>? When { get; }

    public MessageTemplate Message { get; }

    public MessageTemplate Remediation { get; }

    /// <summary>The fields the condition tests and the message names, shown in obligation details.</summary>
    public FieldSlot[] ConditionFields { get; }

    public string ObligationName { get; }

    public bool RaisesViolation => Source.Effect != RuleEffect.Obligation;

    public bool RaisesObligation => Source.Effect is RuleEffect.Obligation or RuleEffect.RequireApproval;
}
