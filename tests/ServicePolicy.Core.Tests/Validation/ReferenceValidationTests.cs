namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>References between parts of the policy: actions, categories, purposes, protected attributes, field types.</summary>
public class ReferenceValidationTests
{
    [Fact]
    public void A_rule_on_an_unknown_action_is_reported_at_the_list_item()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P1
                action: [data.share, data.shared]
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownAction, yaml, "data.shared", "Rule `r1` applies to the action `data.shared`, which does not exist");
        Assert.Equal("Did you mean `data.share`?", error.Hint);
    }

    [Fact]
    public void A_proxy_for_an_undeclared_protected_attribute_is_reported()
    {
        var yaml = """
            apiVersion: servicepolicy/v1
            classification:
              protectedAttributes:
                - id: religion
              proxies:
                - id: diet
                  standsFor: religon
            """;
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownProtectedAttribute, yaml, "religon", "The proxy `diet` stands for `religon`, which is not a declared protected attribute");
        Assert.Equal("Did you mean `religion`?", error.Hint);
    }

    [Fact]
    public void Consent_requirements_and_purposes_must_name_declared_categories_and_purposes()
    {
        var yaml = """
            apiVersion: servicepolicy/v1
            classification:
              categories:
                - id: contact
            consent:
              purposes:
                - id: crm-sync
                  needs: [contact, payment]
              requirements:
                - categories: [contakt]
                  purpose: marketing
            """;
        var result = PolicyAssert.Load(yaml);
        var categories = result.Errors.Where(e => e.Code == PolicyErrorCodes.UnknownCategory).ToList();
        Assert.Equal(2, categories.Count);
        Assert.Equal((8, 24), (categories[0].Location.Line, categories[0].Location.Column));
        Assert.Contains("The consent purpose `crm-sync` needs the data category `payment`, which is not declared", categories[0].Message, StringComparison.Ordinal);
        Assert.Equal((10, 20), (categories[1].Location.Line, categories[1].Location.Column));
        Assert.Equal("Did you mean `contact`?", categories[1].Hint);
        PolicyAssert.Single(result, PolicyErrorCodes.UnknownPurpose, yaml, "marketing", "A consent requirement asks for the purpose `marketing`, which is not declared");
    }

    [Fact]
    public void Authority_limits_must_be_about_money_and_not_negative()
    {
        var yaml = Policies.With("""
            authority:
              - role: agent
                action: ticket.route
                max: 100
              - role: junior
                action: refund.issue
                max: -5
            """);
        var result = PolicyAssert.Load(yaml);
        PolicyAssert.Single(result, PolicyErrorCodes.UnknownAction, yaml, "ticket.route", "limits apply only to refund.issue and credit.issue");
        PolicyAssert.Single(result, PolicyErrorCodes.InvalidValue, yaml, "-5", "is negative");
    }

    [Fact]
    public void An_action_field_with_an_unknown_type_is_reported_at_the_field()
    {
        var yaml = Policies.With("""
            actions:
              - name: loyalty.grant
                fields:
                  points: numbr
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.InvalidValue, yaml, "points", "The field `points` of the action `loyalty.grant` has the type `numbr`");
        Assert.Equal("Did you mean `number`?", error.Hint);
    }

    [Fact]
    public void A_require_approval_rule_needs_an_obligation()
    {
        var yaml = Policies.With("""
            rules:
              - id: big-refund
                principle: P8
                action: refund.issue
                effect: require-approval
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.MissingKey, yaml, "require-approval", "has the effect `require-approval` but no `obligation`");
    }

    [Fact]
    public void An_empty_banned_phrase_is_invalid()
    {
        var yaml = Policies.With("""
            text:
              claims:
                en: [guaranteed, ""]
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.InvalidValue, yaml, "en:", "has an empty phrase");
    }

    [Fact]
    public void A_decision_context_that_binds_no_code_is_a_warning()
    {
        var yaml = Policies.With("""
            analyzers:
              decisionContexts:
                - context: pricing
            """);
        var result = PolicyAssert.Load(yaml);
        Assert.True(result.Succeeded);
        var warning = PolicyAssert.Single(result, PolicyErrorCodes.MissingKey, yaml, "context: pricing", "This pricing decision context names no types");
        Assert.Equal(ErrorSeverity.Warning, warning.Severity);
    }
}
