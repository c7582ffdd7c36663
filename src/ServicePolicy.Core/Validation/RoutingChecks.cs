namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Checks routing, prioritisation, pricing and eligibility tables: a known action whose kind of
/// decision matches the table's, and routes whose conditions never test a protected attribute
/// or a proxy (fairness is enforced on the policy itself, before any code runs).
/// </summary>
public static class RoutingChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var table in context.Policy.Routing)
        {
            if (context.IsFull)
            {
                return;
            }

            var actions = new[] { table.Action };
            if (!context.Actions.TryGetValue(table.Action, out var info))
            {
                context.Error(
                    PolicyErrorCodes.UnknownAction,
                    $"The routing table `{table.Id}` is consulted by the action `{table.Action}`, which does not exist.",
                    table.LocationOf("action"),
                    NameSuggester.Hint(table.Action, context.Actions.Keys) ?? "Use ticket.route, ticket.prioritise, price.quote or eligibility.check, or declare the action under `actions` with a `context`.");
            }
            else if (info.IsDecisionContext && info.Context != table.Context)
            {
                context.Error(
                    PolicyErrorCodes.InvalidValue,
                    $"The table `{table.Id}` is a {table.Context} table, but its action `{table.Action}` makes {info.Context} decisions.",
                    table.HasKey("context") ? table.LocationOf("context") : table.LocationOf("action"),
                    $"Write `context: {info.Context}`, or use the action that makes {table.Context} decisions.");
            }

            for (var i = 0; i < table.Routes.Count; i++)
            {
                var route = table.Routes[i];
                if (route.When != null)
                {
                    ConditionChecker.Check(context, route.When, new ConditionScope($"route {i + 1} (`{route.Result}`) of the table `{table.Id}`", actions, table.Context));
                }
            }

            if (table.Routes.Count > 0 && table.Default.Length == 0 && table.Routes.All(r => r.When != null))
            {
                context.Warning(PolicyErrorCodes.MissingKey, $"The table `{table.Id}` has no `default`: a request that matches no route gets no result.", table.LocationOf("routes"), "Add `default:` with the result for every other request.");
            }
        }
    }
}
