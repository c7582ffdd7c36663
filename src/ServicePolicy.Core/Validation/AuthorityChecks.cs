namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks authority limits (principle P8): they are about refunds or credits, and not negative.</summary>
public static class AuthorityChecks
{
    private static readonly string[] MoneyActions = { ActionCatalog.Names.RefundIssue, ActionCatalog.Names.CreditIssue };

    public static void Check(ValidationContext context)
    {
        foreach (var limit in context.Policy.Authority)
        {
            if (limit.Action.Length > 0 && Array.IndexOf(MoneyActions, limit.Action) < 0)
            {
                context.Error(
                    PolicyErrorCodes.UnknownAction,
                    $"The authority limit for `{limit.Role}` is about `{limit.Action}`; limits apply only to refund.issue and credit.issue.",
                    limit.LocationOf("action"),
                    NameSuggester.Hint(limit.Action, MoneyActions) ?? "Use refund.issue or credit.issue.");
            }

            if (limit.Max < 0)
            {
                context.Error(PolicyErrorCodes.InvalidValue, $"The authority limit for `{limit.Role}` on {limit.Action} is negative ({limit.Max}); a limit is the most an agent may grant, zero or more.", limit.LocationOf("max"), "Use 0 when the role may grant nothing without approval.");
            }
        }
    }
}
