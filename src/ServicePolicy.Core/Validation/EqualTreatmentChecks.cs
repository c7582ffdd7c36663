namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Equal treatment whatever the customer spends (P2): a rule or a route about complaints or the
/// quality of service (routing, priority, first response, follow-ups, complaint handling) that
/// branches on the customer's spend, tier or purchase history is flagged, unless it carries a
/// `justification` a reviewer can weigh.
/// </summary>
public static class EqualTreatmentChecks
{
    private static readonly string[] ServiceQualityActions =
    {
        ActionCatalog.Names.TicketRoute,
        ActionCatalog.Names.TicketPrioritise,
        ActionCatalog.Names.ResponseFirst,
        ActionCatalog.Names.FollowupPromise,
        ActionCatalog.Names.FollowupCheck,
        ActionCatalog.Names.ComplaintAcknowledge,
        ActionCatalog.Names.ComplaintClose,
    };

    private static readonly FieldNameIndex<string> SpendWords = Build(
        "spend", "spent", "tier", "purchaseHistory", "orderHistory", "lifetimeValue", "customerValue", "loyalty", "vip", "revenue", "basketSize", "orderValue");

    public static void Check(ValidationContext context)
    {
        foreach (var rule in context.Policy.Rules)
        {
            if (rule.When != null && rule.Justification.Trim().Length == 0 && rule.Action.Any(a => ServiceQualityActions.Contains(a)))
            {
                Flag(context, rule.When, $"Rule `{rule.Id}`", "Add `justification:` to the rule saying why it is fair, or test something other than what the customer spends.");
            }
        }

        foreach (var table in context.Policy.Routing)
        {
            if (!ServiceQualityActions.Contains(table.Action))
            {
                continue;
            }

            foreach (var route in table.Routes)
            {
                if (route.When != null && route.Justification.Trim().Length == 0)
                {
                    Flag(context, route.When, $"A route of `{table.Id}`", "Add `justification:` to the route saying why it is fair, or route on the ticket alone.");
                }
            }
        }
    }

    private static void Flag(ValidationContext context, Condition condition, string owner, string hint)
    {
        foreach (var test in Tests(condition))
        {
            var words = SpendWords.Find(test.Field!);
            if (words.Count > 0)
            {
                context.Warning(
                    PolicyErrorCodes.SpendInServiceQuality,
                    $"{owner} tests `{test.Field}` ({words[0]}): service quality and complaint handling must not depend on what the customer spends.",
                    test.LocationOf("field"),
                    hint);
            }
        }
    }

    private static IEnumerable<Condition> Tests(Condition condition)
    {
        if (condition.Field != null)
        {
            yield return condition;
        }

        foreach (var child in (condition.All ?? new List<Condition>()).Concat(condition.Any ?? new List<Condition>()).Concat(condition.Not == null ? Array.Empty<Condition>() : new[] { condition.Not }))
        {
            foreach (var test in Tests(child))
            {
                yield return test;
            }
        }
    }

    private static FieldNameIndex<string> Build(params string[] names)
    {
        var index = new FieldNameIndex<string>();
        foreach (var name in names)
        {
            index.Add(name, name);
        }

        return index;
    }
}
