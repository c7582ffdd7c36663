namespace ServicePolicy.Core.Validation;

using System.Globalization;
using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Checks a condition tree: its shape (exactly one of all / any / not / test), its operators, the
/// fields it tests, the values it compares with, the regular expressions of `matches`, and that
/// a decision (routing, priority, price, eligibility) never tests a protected attribute or proxy.
/// </summary>
public static class ConditionChecker
{
    public static void Check(ValidationContext context, Condition condition, IReadOnlyList<string> actions, string owner) =>
        Check(context, condition, new ConditionScope(owner, actions, DecisionContextOf(context, actions)));

    public static void Check(ValidationContext context, Condition condition, ConditionScope scope)
    {
        if (context.IsFull)
        {
            return;
        }

        var forms = (condition.All != null ? 1 : 0) + (condition.Any != null ? 1 : 0) + (condition.Not != null ? 1 : 0) + (condition.Field != null ? 1 : 0);
        if (forms != 1)
        {
            var found = forms == 0 ? "none of them" : "several of them at once";
            context.Error(PolicyErrorCodes.BadCondition, $"A condition of {scope.Owner} must be exactly one of `all`, `any`, `not`, or a test with `field` and `op`; this one has {found}.", condition.Location, forms == 0 ? "For example: `field: amount`, `op: gt`, `value: 100`." : "Wrap several tests in `all:` (every one must hold) or `any:` (one is enough).");
            return;
        }

        if (condition.All != null || condition.Any != null)
        {
            var children = condition.All ?? condition.Any!;
            if (children.Count == 0)
            {
                var key = condition.All != null ? "all" : "any";
                context.Error(PolicyErrorCodes.BadCondition, $"`{key}` in {scope.Owner} has no conditions in its list.", condition.LocationOf(key), "List at least one test under it, each starting with `- `.");
            }

            foreach (var child in children)
            {
                Check(context, child, scope);
            }

            return;
        }

        if (condition.Not != null)
        {
            Check(context, condition.Not, scope);
            return;
        }

        CheckTest(context, condition, scope);
    }

    /// <summary>The decision context of a set of actions: the first action that is a decision, or null.</summary>
    public static string? DecisionContextOf(ValidationContext context, IReadOnlyList<string> actions)
    {
        foreach (var action in actions)
        {
            if (context.Actions.TryGetValue(action, out var info) && info.IsDecisionContext)
            {
                return info.Context;
            }
        }

        return null;
    }

    private static void CheckTest(ValidationContext context, Condition condition, ConditionScope scope)
    {
        var field = condition.Field ?? "";
        if (field.Trim().Length == 0)
        {
            context.Error(PolicyErrorCodes.BadCondition, $"A test in {scope.Owner} has an empty `field`.", condition.LocationOf("field"), "Name the input field or derived fact to test, such as `amount`.");
            return;
        }

        var protectedMeaning = context.ProtectedMeaningOf(field);
        if (protectedMeaning != null && scope.DecisionContext != null)
        {
            context.Error(
                PolicyErrorCodes.ProtectedAttributeInDecision,
                $"{Capitalise(scope.Owner)} makes {WithArticle(scope.DecisionContext)} decision depend on `{field}`, which is {protectedMeaning}. Routing, priority, price and eligibility must never depend on personal traits (principle P2).",
                condition.LocationOf("field"),
                "Remove this test. To refuse requests that carry such data, test the derived fact `input.protected` instead.");
        }

        var fieldType = protectedMeaning != null ? null : CheckFieldExists(context, condition, field, scope);
        CheckOperatorAndValue(context, condition, field, fieldType, scope);
    }

    /// <summary>Reports a field that the scope's actions do not have; returns the field's type when known.</summary>
    private static FieldType? CheckFieldExists(ValidationContext context, Condition condition, string field, ConditionScope scope)
    {
        FieldType? type = null;
        List<ActionInfo>? lacking = null;
        foreach (var action in scope.Actions)
        {
            if (!context.Actions.TryGetValue(action, out var info))
            {
                continue;
            }

            var found = info.FindField(field);
            if (found == null)
            {
                (lacking ??= new List<ActionInfo>()).Add(info);
            }
            else
            {
                type ??= found.Type;
            }
        }

        if (lacking != null)
        {
            var names = string.Join(", ", lacking.Select(a => $"`{a.Name}`"));
            var what = lacking.Count == 1 ? "the action" : "the actions";
            context.Error(
                PolicyErrorCodes.UnknownField,
                $"`{field}` is not a field of {what} {names}, so {scope.Owner} could never see it.",
                condition.LocationOf("field"),
                NameSuggester.Hint(field, lacking[0].Fields.Select(f => f.Name)) ?? $"If the application sends it, declare it under `actions` (name: {lacking[0].Name}, fields).");
        }

        return type;
    }

    private static void CheckOperatorAndValue(ValidationContext context, Condition condition, string field, FieldType? fieldType, ConditionScope scope)
    {
        var op = condition.Op ?? "";
        if (op.Length == 0)
        {
            context.Error(PolicyErrorCodes.UnknownOperator, $"The test of `{field}` in {scope.Owner} has no `op` (how to compare).", condition.Location, "Operators: " + string.Join(", ", ConditionOperators.All) + ".");
            return;
        }

        if (!ConditionOperators.All.Contains(op))
        {
            context.Error(PolicyErrorCodes.UnknownOperator, $"`{op}` is not an operator (in {scope.Owner}).", condition.LocationOf("op"), NameSuggester.Hint(op, ConditionOperators.All) ?? "Operators: " + string.Join(", ", ConditionOperators.All) + ".");
            return;
        }

        var value = condition.Value;
        if (ConditionOperators.Unary.Contains(op))
        {
            if (value != null && value.Kind != PolicyValueKind.Null)
            {
                context.Warning(PolicyErrorCodes.BadCondition, $"`{op}` takes no value, so the value given in {scope.Owner} is ignored.", value.Location, "Remove the `value` line.");
            }

            return;
        }

        if (value == null || value.Kind == PolicyValueKind.Null)
        {
            context.Error(PolicyErrorCodes.BadCondition, $"The test `{field} {op}` in {scope.Owner} has no `value` to compare with.", condition.LocationOf("op"), "Add a `value` line under the test.");
            return;
        }

        if (value.Kind == PolicyValueKind.Map)
        {
            context.Error(PolicyErrorCodes.WrongType, $"The value of the test `{field} {op}` in {scope.Owner} is a map of keys; a test compares with a single value or a list.", value.Location);
            return;
        }

        switch (op)
        {
            case "in":
            case "not-in":
                if (value.Kind != PolicyValueKind.List)
                {
                    context.Error(PolicyErrorCodes.WrongType, $"`{op}` compares `{field}` with a list, but {scope.Owner} gives the single value `{value}`.", value.Location, $"Write the value as a list: `value: [{value}]`, or use `eq`.");
                }

                return;
            case "gt":
            case "gte":
            case "lt":
            case "lte":
                CheckOrderedValue(context, op, field, fieldType, value, scope);
                return;
            case "matches":
                CheckRegexValue(context, field, value, scope);
                return;
            default:
                if (value.Kind == PolicyValueKind.List && op != "eq" && op != "ne")
                {
                    context.Error(PolicyErrorCodes.WrongType, $"`{op}` compares `{field}` with one value, but {scope.Owner} gives a list.", value.Location, "Use `any:` with one test per value, or `in` for a list of allowed values.");
                }
                else if (fieldType == FieldType.YesNo && (op == "eq" || op == "ne") && value.Kind == PolicyValueKind.Scalar && !IsYesNo(value.Scalar!))
                {
                    context.Error(PolicyErrorCodes.WrongType, $"`{field}` is a yes/no field, but {scope.Owner} compares it with `{value}`.", value.Location, "Compare it with `true` or `false`.");
                }

                return;
        }
    }

    private static void CheckOrderedValue(ValidationContext context, string op, string field, FieldType? fieldType, PolicyValue value, ConditionScope scope)
    {
        if (value.Kind != PolicyValueKind.Scalar)
        {
            context.Error(PolicyErrorCodes.WrongType, $"`{op}` compares `{field}` with one value, but {scope.Owner} gives a list.", value.Location);
            return;
        }

        var text = value.Scalar!;
        var (ok, expected) = fieldType switch
        {
            FieldType.Duration => (DurationParser.TryParse(text, out _), "a duration such as 4h or 2d"),
            FieldType.DateTime => (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), "a date and time such as 2026-01-10T09:00:00Z"),
            FieldType.Number => (IsNumber(text), "a number"),
            FieldType.Text or FieldType.YesNo or FieldType.List => (false, "something that can be ordered (a number, a duration or a date)"),
            _ => (true, ""),
        };

        if (!ok)
        {
            var what = fieldType switch
            {
                FieldType.Text => "text",
                FieldType.YesNo => "a yes/no field",
                FieldType.List => "a list",
                _ => null,
            };
            var message = what != null
                ? $"`{field}` is {what}, so `{op}` (greater / less than) cannot compare it (in {scope.Owner})."
                : $"`{op}` in {scope.Owner} compares `{field}` with `{text}`, which is not {expected}.";
            context.Error(PolicyErrorCodes.WrongType, message, value.Location, what != null ? "Use `eq`, `in` or `matches` for text." : null);
        }
    }

    private static void CheckRegexValue(ValidationContext context, string field, PolicyValue value, ConditionScope scope)
    {
        if (value.Kind != PolicyValueKind.Scalar)
        {
            context.Error(PolicyErrorCodes.WrongType, $"`matches` compares `{field}` with one regular expression, but {scope.Owner} gives a list.", value.Location, "Join the alternatives with `|` in one expression.");
            return;
        }

        RegexChecks.Check(context, value.Scalar!, value.Location, $"the `matches` test of `{field}` in {scope.Owner}", ignoreCase: false);
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsYesNo(string text) =>
        text is "true" or "false" or "yes" or "no" or "True" or "False" or "TRUE" or "FALSE";

    private static string WithArticle(string word) => ("aeiou".IndexOf(word.Length > 0 ? word[0] : 'x') >= 0 ? "an " : "a ") + word;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
