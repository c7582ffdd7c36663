namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Actions;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// Computes an action's derived facts (consent state, matched phrases, authority, deadlines)
/// from its input before its rules read them. One small provider per kind of action; each takes
/// its slots when the policy is compiled and writes the facts into the scope when first needed.
/// </summary>
internal abstract class FactProvider
{
    /// <summary>Inputs without which the facts (and so the decision) cannot be computed.</summary>
    public virtual IEnumerable<FieldSlot> Required => Array.Empty<FieldSlot>();

    public abstract void Compute(EvaluationScope scope);

    /// <summary>The provider for a built-in or policy-declared action, or null when it has no derived facts.</summary>
    public static FactProvider? For(ActionInfo action, FieldTable fields, PolicyContext context, CompiledAction compiled)
    {
        switch (action.Name)
        {
            case ActionCatalog.Names.DataShare:
                return new DataShareFacts(fields, context);
            case ActionCatalog.Names.MessageSend:
                return new MessageFacts(fields, context);
            case ActionCatalog.Names.RefundIssue:
            case ActionCatalog.Names.CreditIssue:
                return new AuthorityFacts(action.Name, fields, context);
            case ActionCatalog.Names.ComplaintAcknowledge:
            case ActionCatalog.Names.ComplaintClose:
            case ActionCatalog.Names.FollowupPromise:
            case ActionCatalog.Names.FollowupCheck:
            case ActionCatalog.Names.ResponseFirst:
            case ActionCatalog.Names.BillingCorrect:
                return DeadlineFacts.For(action.Name, fields, context);
        }

        return action.IsDecisionContext ? new DecisionContextFacts(fields, context, compiled) : null;
    }

    /// <summary>Reads a text input; a value of another kind is reported as bad input and read as absent.</summary>
    protected static string? ReadText(EvaluationScope scope, FieldSlot slot)
    {
        ref readonly var value = ref scope.Get(slot.Index);
        switch (value.Kind)
        {
            case ValueKind.Text:
                return (string)value.Reference!;
            case ValueKind.Missing:
            case ValueKind.Null:
                return null;
            case ValueKind.Number:
            case ValueKind.Bool:
                return value.AsText();
            default:
                scope.ReportWrongType(slot, "a text");
                return null;
        }
    }

    protected static long? ReadDateTicks(EvaluationScope scope, FieldSlot slot)
    {
        ref readonly var value = ref scope.Get(slot.Index);
        if (value.IsMissingOrNull)
        {
            return null;
        }

        if (value.TryGetDateTicks(out var ticks))
        {
            return ticks;
        }

        scope.ReportWrongType(slot, "a date and time (ISO 8601, such as 2026-01-10T09:00:00Z)");
        return null;
    }
}
