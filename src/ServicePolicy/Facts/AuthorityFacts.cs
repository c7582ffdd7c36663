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

    public AuthorityFacts(string action, FieldTable fields, PolicyContext context)
    {
        _limits = context.Policy.Authority.Where(a => string.Equals(a.Action, action, StringComparison.Ordinal)).ToArray();
        _amount = fields.Slot("amount");
        _role = fields.Slot("agent.role");
        _currency = fields.Slot("currency");
        _limit = fields.Slot("authority.limit");
        _exceeded = fields.Slot("authority.exceeded");
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

        var role = ReadText(scope, _role);
        var currency = ReadText(scope, _currency);
        var limit = 0d;
        if (role != null)
        {
            foreach (var entry in _limits)
            {
                if (string.Equals(entry.Role, role, StringComparison.OrdinalIgnoreCase)
                    && (entry.Currency.Length == 0 || currency == null || string.Equals(entry.Currency, currency, StringComparison.OrdinalIgnoreCase)))
                {
                    limit = (double)entry.Max;
                    break;
                }
            }
        }

        scope.Set(_limit.Index, FieldValue.FromNumber(limit));
        scope.Set(_exceeded.Index, FieldValue.FromBool(amount > limit));
    }
}
