namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

public class ConditionValidationTests
{
    private static string Rule(string action, string when) => Policies.With($"""
        rules:
          - id: r1
            principle: P8
            action: {action}
            when:
        {when}
        """);

    [Fact]
    public void An_unknown_operator_is_reported_at_the_op_with_a_suggestion()
    {
        var yaml = Rule("refund.issue", "      field: amount\n      op: greaterthan\n      value: 100");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownOperator, yaml, "greaterthan", "`greaterthan` is not an operator (in rule `r1`)");

        var close = Rule("refund.issue", "      field: amount\n      op: gtt\n      value: 100");
        var error = PolicyAssert.Single(PolicyAssert.Load(close), PolicyErrorCodes.UnknownOperator, close, "gtt", "`gtt` is not an operator");
        Assert.Equal("Did you mean `gt`?", error.Hint);
    }

    [Fact]
    public void A_test_without_op_is_reported_at_the_test()
    {
        var yaml = Rule("refund.issue", "      field: amount\n      value: 100");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownOperator, yaml, "field: amount", "has no `op`");
    }

    [Fact]
    public void A_field_the_action_does_not_have_is_reported_with_a_suggestion()
    {
        var yaml = Rule("refund.issue", "      field: amout\n      op: gt\n      value: 100");
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownField, yaml, "amout", "`amout` is not a field of the action `refund.issue`");
        Assert.Equal("Did you mean `amount`?", error.Hint);
    }

    [Fact]
    public void A_field_is_checked_against_every_action_of_the_rule()
    {
        var yaml = Rule("[refund.issue, message.send]", "      field: amount\n      op: gt\n      value: 100");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownField, yaml, "amount", "`amount` is not a field of the action `message.send`");
    }

    [Fact]
    public void A_field_declared_by_the_policy_for_a_built_in_action_is_known()
    {
        var yaml = Rule("refund.issue", "      field: loyaltyPoints\n      op: gt\n      value: 100") + """
            actions:
              - name: refund.issue
                fields:
                  loyaltyPoints: number
            """;
        PolicyAssert.Clean(yaml);
    }

    [Fact]
    public void A_condition_with_two_forms_is_a_bad_condition()
    {
        var yaml = Rule("refund.issue", "      field: amount\n      op: gt\n      value: 1\n      all:\n        - field: currency\n          op: eq\n          value: EUR");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.BadCondition, yaml, "field: amount", "must be exactly one of `all`, `any`, `not`, or a test with `field` and `op`; this one has several of them at once");
    }

    [Fact]
    public void An_empty_condition_list_is_a_bad_condition()
    {
        var yaml = Rule("refund.issue", "      any: []");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.BadCondition, yaml, "[]", "`any` in rule `r1` has no conditions");
    }

    [Fact]
    public void A_binary_operator_without_value_is_a_bad_condition()
    {
        var yaml = Rule("refund.issue", "      field: amount\n      op: gt");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.BadCondition, yaml, "gt", "The test `amount gt` in rule `r1` has no `value`");
    }

    [Fact]
    public void A_number_comparison_with_text_is_a_wrong_type()
    {
        var yaml = Rule("refund.issue", "      field: amount\n      op: gt\n      value: hundred");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "hundred", "`gt` in rule `r1` compares `amount` with `hundred`, which is not a number");
    }

    [Fact]
    public void Ordering_a_text_field_is_a_wrong_type()
    {
        var yaml = Rule("refund.issue", "      field: currency\n      op: lt\n      value: 5");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "5\n", "`currency` is text, so `lt` (greater / less than) cannot compare it");
    }

    [Fact]
    public void A_duration_field_compares_with_a_duration()
    {
        var good = Rule("followup.check", "      field: sla.elapsed\n      op: gt\n      value: 2d");
        PolicyAssert.Clean(good);
        var bad = Rule("followup.check", "      field: sla.elapsed\n      op: gt\n      value: two days");
        PolicyAssert.Single(PolicyAssert.Load(bad), PolicyErrorCodes.WrongType, bad, "two days", "which is not a duration such as 4h or 2d");
    }

    [Fact]
    public void In_needs_a_list()
    {
        var yaml = Rule("refund.issue", "      field: currency\n      op: in\n      value: EUR");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "EUR", "`in` compares `currency` with a list, but rule `r1` gives the single value `EUR`");
    }

    [Fact]
    public void A_yes_no_field_compares_with_true_or_false()
    {
        var yaml = Rule("complaint.close", "      field: customerNotified\n      op: eq\n      value: maybe");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "maybe", "`customerNotified` is a yes/no field");
    }

    [Fact]
    public void A_value_on_a_unary_operator_is_a_warning()
    {
        var yaml = Rule("complaint.close", "      field: resolution\n      op: missing\n      value: x");
        var result = PolicyAssert.Load(yaml);
        Assert.True(result.Succeeded);
        var warning = PolicyAssert.Single(result, PolicyErrorCodes.BadCondition, yaml, "x\n", "`missing` takes no value");
        Assert.Equal(ErrorSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Nested_conditions_are_checked_at_every_level()
    {
        var yaml = Rule("refund.issue", """
                  all:
                    - not:
                        any:
                          - field: amount
                            op: gt
                            value: 1
                          - field: nosuchfield
                            op: eq
                            value: 2
            """.Replace("\r\n", "\n"));
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownField, yaml, "nosuchfield", "`nosuchfield` is not a field");
    }
}
