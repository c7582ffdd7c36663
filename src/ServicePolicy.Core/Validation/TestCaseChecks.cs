namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks the named test cases: known actions, known rules in `expect.violations`, known consent purposes, and input fields the action has.</summary>
public static class TestCaseChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var test in context.Policy.Tests)
        {
            if (context.IsFull)
            {
                return;
            }

            context.Actions.TryGetValue(test.Action, out var action);
            if (action == null && test.Action.Length > 0)
            {
                context.Error(
                    PolicyErrorCodes.UnknownAction,
                    $"The test `{test.Name}` asks about the action `{test.Action}`, which does not exist.",
                    test.LocationOf("action"),
                    NameSuggester.Hint(test.Action, context.Actions.Keys));
            }

            CheckViolations(context, test);
            CheckConsents(context, test);
            if (action != null && test.Input != null)
            {
                CheckInput(context, test, action, test.Input, "");
            }
        }
    }

    private static void CheckViolations(ValidationContext context, PolicyTest test)
    {
        var expect = test.Expect;
        for (var i = 0; i < expect.Violations.Count; i++)
        {
            var id = expect.Violations[i];
            if (context.RuleIds.Contains(id))
            {
                continue;
            }

            var disabled = context.DisabledRuleIds.Contains(id);
            context.Error(
                PolicyErrorCodes.UnknownRule,
                disabled
                    ? $"The test `{test.Name}` expects the rule `{id}` to fire, but that rule is switched off by `disable`."
                    : $"The test `{test.Name}` expects the rule `{id}` to fire, but no rule has that id.",
                ValidationContext.ItemLocation(expect, "violations", i),
                disabled ? "Remove it from the expected violations, or stop disabling the rule." : NameSuggester.Hint(id, context.RuleIds));
        }
    }

    private static void CheckConsents(ValidationContext context, PolicyTest test)
    {
        foreach (var consent in test.Given.Consents)
        {
            if (consent.Purpose.Length > 0 && !context.PurposeIds.Contains(consent.Purpose))
            {
                context.Error(
                    PolicyErrorCodes.UnknownPurpose,
                    $"The test `{test.Name}` gives a consent for the purpose `{consent.Purpose}`, which is not declared under `consent.purposes`.",
                    consent.LocationOf("purpose"),
                    NameSuggester.Hint(consent.Purpose, context.PurposeIds) ?? ClassificationChecks.DeclaredList("Purposes", context.PurposeIds));
            }
        }
    }

    /// <summary>Input keys, nested maps read as dotted names (customer: {tier: gold} is customer.tier).</summary>
    private static void CheckInput(ValidationContext context, PolicyTest test, Actions.ActionInfo action, PolicyValue input, string prefix)
    {
        if (input.Kind != PolicyValueKind.Map)
        {
            if (prefix.Length == 0)
            {
                context.Error(PolicyErrorCodes.WrongType, $"The input of the test `{test.Name}` must be a map of fields and values, but it holds `{input}`.", input.Location);
            }

            return;
        }

        foreach (var entry in input.Entries)
        {
            var name = prefix + entry.Key;
            if (action.FindField(name) != null || context.ProtectedMeaningOf(name) != null || IsClassifiedField(context, name) || NamesClassifiedData(context, entry.Value))
            {
                continue;
            }

            var isParent = action.Fields.Any(f => f.Name.StartsWith(name + ".", StringComparison.Ordinal));
            if (isParent && entry.Value.Kind == PolicyValueKind.Map)
            {
                CheckInput(context, test, action, entry.Value, name + ".");
                continue;
            }

            context.Warning(
                PolicyErrorCodes.UnknownField,
                $"The test `{test.Name}` gives `{name}`, which is not a field of the action `{action.Name}`; no rule can see it.",
                entry.Value.Location,
                NameSuggester.Hint(name, action.Fields.Where(f => !f.Derived).Select(f => f.Name)));
        }
    }

    // attributes: [{name: gender, value: f}]: the engine reads the names of such a list as fields.
    private static bool NamesClassifiedData(ValidationContext context, PolicyValue value) =>
        value.Kind == PolicyValueKind.List && value.Items.Any(item =>
            item.Kind == PolicyValueKind.Map
            && item.Get("value") != null
            && (item.Get("name") ?? item.Get("key")) is { Kind: PolicyValueKind.Scalar } name
            && (context.ProtectedMeaningOf(name.Scalar!) != null || IsClassifiedField(context, name.Scalar!)));

    private static bool IsClassifiedField(ValidationContext context, string name) =>
        context.Classification.IsCategorised(name);
}
