namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// refund.issue / credit.issue: the agent's limit from the policy's authority table (by action and
/// role; an entry with a currency applies only to inputs in that currency or with none), and whether
/// the amount is above it. An unknown or missing role has limit 0, so any amount needs approval.
/// </summary>
internal sealed class AuthorityFacts : FactProvider
{
    private readonly AuthorityLimit[] _limits;
    private readonly FieldSlot _amount;
    private readonly FieldSlot _role;
    private readonly FieldSlot _currency;
    private readonly FieldSlot _limit;
    private readonly FieldSlot _exceeded;
    private readonly FieldSlot _agentId;
    private readonly FieldSlot _approvedBy;
    private readonly FieldSlot _approverRole;
    private readonly FieldSlot _independent;
    private readonly FieldSlot _approverWithin;

    public AuthorityFacts(string action, FieldTable fields, PolicyContext context)
    {
        _limits = context.Policy.Authority.Where(a => string.Equals(a.Action, action, StringComparison.Ordinal)).ToArray();
        _amount = fields.Slot("amount");
        _role = fields.Slot("agent.role");
        _currency = fields.Slot("currency");
        _limit = fields.Slot("authority.limit");
        _exceeded = fields.Slot("authority.exceeded");
        _agentId = fields.Slot("agent.id");
        _approvedBy = fields.Slot("approvedBy");
        _approverRole = fields.Slot("approver.role");
        _independent = fields.Slot("approval.independent");
        _approverWithin = fields.Slot("approval.withinAuthority");
    }

    public override IEnumerable<FieldSlot> Required => new[] { _amount };

    public override void Compute(EvaluationScope scope)
    {
        ref readonly var amountValue = ref scope.Get(_amount.Index);
        if (amountValue.IsMissingOrNull)
        {
            return;
        }

        if (!amountValue.TryGetNumber(out var amount))
        {
            scope.ReportWrongType(_amount, "a number");
            return;
        }

        if (amount < 0 || double.IsNaN(amount))
        {
            scope.Report(EngineRuleIds.BadInput, $"The amount {amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} is negative; a refund or credit is a positive amount.", "Send the amount as a positive number.");
            return;
        }

        var currency = ReadText(scope, _currency);
        var limit = LimitOf(ReadText(scope, _role), currency);
        scope.Set(_limit.Index, FieldValue.FromNumber(limit));
        scope.Set(_exceeded.Index, FieldValue.FromBool(amount > limit));

        // An approval counts only from someone else who holds the authority for the amount.
        var approver = Blank(ReadText(scope, _approvedBy));
        if (approver != null)
        {
            var agent = Blank(ReadText(scope, _agentId));
            scope.Set(_independent.Index, FieldValue.FromBool(agent != null && !string.Equals(agent, approver, StringComparison.OrdinalIgnoreCase)));
            scope.Set(_approverWithin.Index, FieldValue.FromBool(amount <= LimitOf(ReadText(scope, _approverRole), currency)));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private double LimitOf(string? role, string? currency)
    {
        if (role == null)
        {
            return 0;
        }

        foreach (var entry in _limits)
        {
            if (string.Equals(entry.Role, role, StringComparison.OrdinalIgnoreCase)
                && (entry.Currency.Length == 0 || currency == null || string.Equals(entry.Currency, currency, StringComparison.OrdinalIgnoreCase)))
            {
                return (double)entry.Max;
            }
        }

        return 0;
    }
}
