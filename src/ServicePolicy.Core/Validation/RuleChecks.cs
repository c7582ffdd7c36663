namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks each rule: its actions, its condition, its effect's obligation and its message.</summary>
public static class RuleChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var rule in context.Policy.Rules)
        {
            if (context.IsFull)
            {
                return;
            }

            CheckRule(context, rule);
        }
    }

    private static void CheckRule(ValidationContext context, Rule rule)
    {
        if (rule.HasKey("action") && rule.Action.Count == 0)
        {
            context.Error(PolicyErrorCodes.MissingKey, $"Rule `{rule.Id}` names no action, so it could never apply.", rule.LocationOf("action"), "For example: `action: data.share`.");
        }

        for (var i = 0; i < rule.Action.Count; i++)
        {
            var action = rule.Action[i];
            if (!context.Actions.ContainsKey(action))
            {
                context.Error(
                    PolicyErrorCodes.UnknownAction,
                    $"Rule `{rule.Id}` applies to the action `{action}`, which does not exist.",
                    ValidationContext.ItemLocation(rule, "action", i),
                    NameSuggester.Hint(action, context.Actions.Keys) ?? "Declare it under `actions` if the application asks for decisions about it.");
            }
        }

        if (rule.When != null)
        {
            var decision = ConditionChecker.DecisionContextOf(context, rule.Action);
            ConditionChecker.Check(context, rule.When, new ConditionScope($"rule `{rule.Id}`", rule.Action, decision));
        }

        if ((rule.Effect == RuleEffect.RequireApproval || rule.Effect == RuleEffect.Obligation) && rule.Obligation.Trim().Length == 0)
        {
            var effect = ModelReflection.KebabCase(rule.Effect.ToString());
            context.Error(PolicyErrorCodes.MissingKey, $"Rule `{rule.Id}` has the effect `{effect}` but no `obligation` saying what the caller must do.", rule.LocationOf("effect"), "For example: `obligation: supervisor-approval`.");
        }

        TemplateChecks.Check(context, rule);
    }
}
