namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

public class TemplateValidationTests
{
    private static string RuleWithMessage(string action, string message) => Policies.With($"""
        rules:
          - id: r1
            principle: P8
            action: {action}
            message: {message}
        """);

    [Fact]
    public void A_placeholder_that_is_not_a_field_is_reported_at_its_brace()
    {
        var yaml = RuleWithMessage("refund.issue", "\"Refund of {amout} needs approval\"");
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.TemplateField, yaml, "{amout}", "The message of rule `r1` shows `{amout}`, but `amout` is not a field of the action `refund.issue`");
        Assert.Equal("Did you mean `amount`?", error.Hint);
    }

    [Fact]
    public void A_placeholder_must_be_a_field_of_every_action_of_the_rule()
    {
        var yaml = RuleWithMessage("[refund.issue, message.send]", "'Amount {amount}'");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.TemplateField, yaml, "{amount}", "is not a field of the action `message.send`");
    }

    [Fact]
    public void Plain_scalars_point_at_the_exact_column_too()
    {
        var yaml = RuleWithMessage("refund.issue", "Refund {amount} by {agent.name}");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.TemplateField, yaml, "{agent.name}", "`agent.name` is not a field");
    }

    [Fact]
    public void Unclosed_and_stray_braces_are_reported()
    {
        var open = RuleWithMessage("refund.issue", "'Refund {amount'");
        PolicyAssert.Single(PolicyAssert.Load(open), PolicyErrorCodes.TemplateField, open, "{amount'", "opens a field name with `{` that is never closed");

        var stray = RuleWithMessage("refund.issue", "'Refund amount} now'");
        PolicyAssert.Single(PolicyAssert.Load(stray), PolicyErrorCodes.TemplateField, stray, "} now", "has a `}` that closes nothing");
    }

    [Fact]
    public void Known_fields_derived_facts_and_doubled_braces_are_accepted()
    {
        PolicyAssert.Clean(RuleWithMessage("refund.issue", "'{amount} {currency} is above {authority.limit} {{not a field}}'"));
    }
}
