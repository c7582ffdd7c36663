namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

public class TestCaseValidationTests
{
    private const string OneRule = """
        rules:
          - id: P1-share-needs-consent
            principle: P1
            action: data.share
            when:
              field: consent.granted
              op: eq
              value: false
        """;

    [Fact]
    public void A_test_expecting_an_unknown_rule_is_reported_at_the_item()
    {
        var yaml = Policies.With(OneRule + """

            tests:
              - name: sharing without consent is refused
                action: data.share
                input: { subject: c-1, recipient: partner, fields: [email] }
                expect:
                  effect: deny
                  violations: [P1-share-needs-consent, P1-share-need-consent]
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownRule, yaml, "P1-share-need-consent", "The test `sharing without consent is refused` expects the rule `P1-share-need-consent` to fire, but no rule has that id");
        Assert.Equal("Did you mean `P1-share-needs-consent`?", error.Hint);
    }

    [Fact]
    public void A_test_on_an_unknown_action_is_reported()
    {
        var yaml = Policies.With("""
            tests:
              - name: t1
                action: data.sahre
                expect:
                  effect: allow
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownAction, yaml, "data.sahre", "The test `t1` asks about the action `data.sahre`, which does not exist");
        Assert.Equal("Did you mean `data.share`?", error.Hint);
    }

    [Fact]
    public void A_test_consent_for_an_unknown_purpose_is_reported()
    {
        var yaml = Policies.With("""
            tests:
              - name: t1
                action: data.share
                given:
                  consents:
                    - subject: c-1
                      purpose: crm-synk
                expect:
                  effect: allow
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownPurpose, yaml, "crm-synk", "gives a consent for the purpose `crm-synk`");
    }

    [Fact]
    public void An_input_field_the_action_does_not_have_is_a_warning_and_nested_input_is_understood()
    {
        var yaml = Policies.With("""
            tests:
              - name: t1
                action: ticket.route
                input:
                  customer: { tier: gold, gender: female }
                  ticket: { category: billing }
                  urgency: high
                expect:
                  result: billing
            """);
        var result = PolicyAssert.Load(yaml);
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        var warning = PolicyAssert.Single(result, PolicyErrorCodes.UnknownField, yaml, "high", "The test `t1` gives `urgency`, which is not a field of the action `ticket.route`");
        Assert.Equal(ErrorSeverity.Warning, warning.Severity);
    }
}
