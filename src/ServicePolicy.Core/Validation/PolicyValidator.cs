namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Checks a bound policy as a whole: references between its parts, the fields its rules test,
/// and fairness of the policy itself. Every problem is reported; none stops the others.
/// </summary>
public static class PolicyValidator
{
    public static void Validate(Policy policy, List<PolicyError> errors, int maxErrors = 500)
    {
        var context = new ValidationContext(policy, errors, maxErrors);
        CheckRules(context);
    }

    private static void CheckRules(ValidationContext context)
    {
        foreach (var rule in context.Policy.Rules)
        {
            foreach (var action in rule.Action)
            {
                if (!context.Actions.ContainsKey(action))
                {
                    context.Error(PolicyErrorCodes.UnknownAction, $"Rule `{rule.Id}` applies to the action `{action}`, which does not exist.", rule.LocationOf("action"), NameSuggester.Hint(action, context.Actions.Keys));
                }
            }

            if (rule.When != null)
            {
                ConditionChecker.Check(context, rule.When, rule.Action, $"rule `{rule.Id}`");
            }
        }
    }
}

/// <summary>State shared by the checks of one validation pass.</summary>
public sealed class ValidationContext
{
    private readonly List<PolicyError> _errors;
    private readonly int _maxErrors;

    public ValidationContext(Policy policy, List<PolicyError> errors, int maxErrors)
    {
        Policy = policy;
        _errors = errors;
        _maxErrors = maxErrors;
        Actions = ActionCatalog.ForPolicy(policy);
    }

    public Policy Policy { get; }

    public IReadOnlyDictionary<string, ActionInfo> Actions { get; }

    public void Error(string code, string message, SourceLocation location, string? hint = null) => Add(code, message, location, hint, ErrorSeverity.Error);

    public void Warning(string code, string message, SourceLocation location, string? hint = null) => Add(code, message, location, hint, ErrorSeverity.Warning);

    private void Add(string code, string message, SourceLocation location, string? hint, ErrorSeverity severity)
    {
        if (_errors.Count < _maxErrors)
        {
            _errors.Add(new PolicyError(code, message, location, hint, severity));
        }
    }
}

/// <summary>Checks a condition tree: its shape, its operators and the fields it tests.</summary>
public static class ConditionChecker
{
    public static void Check(ValidationContext context, Condition condition, IReadOnlyList<string> actions, string owner)
    {
        var forms = (condition.All != null ? 1 : 0) + (condition.Any != null ? 1 : 0) + (condition.Not != null ? 1 : 0) + (condition.Field != null ? 1 : 0);
        if (forms != 1)
        {
            context.Error(PolicyErrorCodes.BadCondition, $"A condition of {owner} must be exactly one of `all`, `any`, `not`, or a test with `field` and `op`; this one has {(forms == 0 ? "none" : "several")}.", condition.Location);
            return;
        }

        foreach (var child in (condition.All ?? new List<Condition>()).Concat(condition.Any ?? new List<Condition>()))
        {
            Check(context, child, actions, owner);
        }

        if (condition.Not != null)
        {
            Check(context, condition.Not, actions, owner);
        }

        if (condition.Field == null)
        {
            return;
        }

        var op = condition.Op ?? "";
        if (!ConditionOperators.All.Contains(op))
        {
            context.Error(PolicyErrorCodes.UnknownOperator, op.Length == 0 ? $"The test of `{condition.Field}` in {owner} has no `op`." : $"`{op}` is not an operator.", condition.HasKey("op") ? condition.LocationOf("op") : condition.Location, op.Length == 0 ? "Operators: " + string.Join(", ", ConditionOperators.All) + "." : NameSuggester.Hint(op, ConditionOperators.All));
        }
        else if (!ConditionOperators.Unary.Contains(op) && condition.Value == null)
        {
            context.Error(PolicyErrorCodes.BadCondition, $"The test `{condition.Field} {op}` in {owner} has no `value` to compare with.", condition.Location);
        }

        foreach (var action in actions)
        {
            if (context.Actions.TryGetValue(action, out var info) && info.FindField(condition.Field) == null)
            {
                context.Error(PolicyErrorCodes.UnknownField, $"`{condition.Field}` is not a field of the action `{action}` ({owner}).", condition.LocationOf("field"), NameSuggester.Hint(condition.Field, info.Fields.Select(f => f.Name)) ?? "Declare it under `actions` if the application sends it.");
            }
        }
    }
}
