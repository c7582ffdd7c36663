namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>Fairness is enforced on the policy itself: decisions may not test protected attributes or proxies.</summary>
public class FairnessValidationTests
{
    [Fact]
    public void A_routing_table_route_on_a_protected_attribute_is_an_error()
    {
        var yaml = Policies.With("""
            routing:
              - id: queues
                action: ticket.route
                routes:
                  - when:
                      field: customer.gender
                      op: eq
                      value: female
                    result: soft-queue
                default: general
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.ProtectedAttributeInDecision, yaml, "customer.gender", "Route 1 (`soft-queue`) of the table `queues` makes a routing decision depend on `customer.gender`, which is the protected attribute `gender`", occurrence: 2);
        Assert.Contains("input.protected", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_on_a_declared_proxy_is_an_error()
    {
        var yaml = Policies.With("""
            routing:
              - id: queues
                routes:
                  - when:
                      any:
                        - field: ticket.channel
                          op: eq
                          value: phone
                        - field: customer.firstName
                          op: in
                          value: [Maria, Anna]
                    result: soft-queue
                default: general
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.ProtectedAttributeInDecision, yaml, "customer.firstName", "which is `first-name`, a declared proxy for `gender`", occurrence: 2);
    }

    [Fact]
    public void A_pricing_rule_on_a_protected_attribute_is_an_error_even_without_its_parent_name()
    {
        // The classification says customer.age; the rule tests the same data as plain `age`.
        var yaml = Policies.With("""
            rules:
              - id: senior-surcharge
                principle: P3
                action: price.quote
                when:
                  field: age
                  op: gt
                  value: 70
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.ProtectedAttributeInDecision, yaml, "age\n", "Rule `senior-surcharge` makes a pricing decision depend on `age`, which is the protected attribute `age`", occurrence: 2);
    }

    [Fact]
    public void A_policy_action_with_a_decision_context_is_protected_too()
    {
        var yaml = Policies.With("""
            actions:
              - name: loyalty.grant
                context: eligibility
                fields:
                  tier: text
            rules:
              - id: no-loyalty
                principle: P2
                action: loyalty.grant
                when:
                  field: customer.gender
                  op: eq
                  value: male
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.ProtectedAttributeInDecision, yaml, "customer.gender", "makes an eligibility decision", occurrence: 2);
    }

    [Fact]
    public void Testing_input_protected_in_a_decision_is_allowed_and_a_non_decision_may_mention_a_protected_field()
    {
        var yaml = Policies.With("""
            rules:
              - id: refuse-protected-input
                principle: P2
                action: ticket.route
                when:
                  field: input.protected
                  op: not-empty
              - id: log-gender-on-share
                principle: P1
                action: data.share
                when:
                  field: customer.gender
                  op: exists
            """);
        PolicyAssert.Clean(yaml);
    }

    [Fact]
    public void An_ordinary_routing_table_is_accepted()
    {
        var yaml = Policies.With("""
            routing:
              - id: queues
                routes:
                  - when:
                      field: ticket.category
                      op: eq
                      value: billing
                    result: billing
                default: general
            """);
        PolicyAssert.Clean(yaml);
    }

    [Fact]
    public void A_table_whose_action_makes_another_kind_of_decision_is_invalid()
    {
        var yaml = Policies.With("""
            routing:
              - id: prices
                action: ticket.route
                context: pricing
                default: standard
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.InvalidValue, yaml, "pricing", "The table `prices` is a pricing table, but its action `ticket.route` makes routing decisions");
    }

    [Fact]
    public void A_table_with_an_unknown_action_is_reported()
    {
        var yaml = Policies.With("""
            routing:
              - id: queues
                action: ticket.rout
                default: general
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownAction, yaml, "ticket.rout", "The routing table `queues` is consulted by the action `ticket.rout`, which does not exist");
        Assert.Equal("Did you mean `ticket.route`?", error.Hint);
    }
}
