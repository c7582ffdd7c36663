namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>A careless edit (a typo, a partner added in one place only) is caught before it ships.</summary>
public class ClosedWorldValidationTests
{
    private const string Register = """
        recipients:
          - id: survey-partner
            kind: third-party
            purposes: [crm-sync]
            agreement: Survey agreement 2026
          - id: support
            kind: internal
            purposes: [crm-sync]

        """;

    [Fact]
    public void A_typo_in_a_consent_requirement_recipient_is_an_error_with_did_you_mean()
    {
        var yaml = Policies.With(Register + """
            rules: []
            """).Replace("  requirements:\n    - categories: [contact]\n      purpose: crm-sync", "  requirements:\n    - categories: [contact]\n      recipients: [survey-partners]\n      purpose: crm-sync", StringComparison.Ordinal);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownRecipient, yaml, "survey-partners", "A consent requirement names the recipient `survey-partners`, which is not in the `recipients` register");
        Assert.Equal("Did you mean `survey-partner`?", error.Hint);
    }

    [Fact]
    public void A_register_entry_for_an_undeclared_purpose_is_an_error()
    {
        var yaml = Policies.With(Register.Replace("purposes: [crm-sync]\n    agreement", "purposes: [crm-synk]\n    agreement", StringComparison.Ordinal));
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownPurpose, yaml, "crm-synk", "The recipient `survey-partner` is registered for the purpose `crm-synk`");
        Assert.Equal("Did you mean `crm-sync`?", error.Hint);
    }

    [Fact]
    public void A_third_party_sink_for_an_unregistered_recipient_is_an_error()
    {
        var yaml = Policies.With(Register + """
            analyzers:
              thirdPartySinks:
                - method: "Survey.Client.Send*"
                  recipient: survey-partnr
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownRecipient, yaml, "survey-partnr", "The third-party sink `Survey.Client.Send*` names the recipient `survey-partnr`");
        Assert.Equal("Did you mean `survey-partner`?", error.Hint);
    }

    [Fact]
    public void A_rule_comparing_with_an_unregistered_recipient_or_purpose_is_an_error()
    {
        var yaml = Policies.With(Register + """
            rules:
              - id: r1
                principle: P1
                action: data.share
                when:
                  all:
                    - {field: recipient, op: in, value: [support, suport]}
                    - {field: purpose, op: eq, value: crm-syn}
                effect: deny
            """);
        var result = PolicyAssert.Load(yaml);
        PolicyAssert.Single(result, PolicyErrorCodes.UnknownRecipient, yaml, "suport]", "Rule `r1` compares with the recipient `suport`");
        PolicyAssert.Single(result, PolicyErrorCodes.UnknownPurpose, yaml, "crm-syn}", "Rule `r1` compares with the purpose `crm-syn`");
    }

    [Fact]
    public void A_processor_or_third_party_without_an_agreement_is_warned_about()
    {
        var yaml = Policies.With(Register.Replace("    agreement: Survey agreement 2026\n", "", StringComparison.Ordinal));
        var result = PolicyAssert.Load(yaml);
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.IncompleteRecipient);
        Assert.Contains("survey-partner", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_no_embedded_test_exercises_is_warned_about()
    {
        var yaml = Policies.With("""
            rules:
              - id: tested
                principle: P6
                action: complaint.close
                when: {field: resolution, op: empty}
                effect: deny
              - id: untested
                principle: P6
                action: complaint.close
                when: {field: investigation, op: empty}
                effect: deny
            tests:
              - name: no resolution
                action: complaint.close
                input: {resolution: "", investigation: done}
                expect: {effect: deny, violations: [tested]}
            """);
        var result = PolicyAssert.Load(yaml);
        PolicyAssert.Single(result, PolicyErrorCodes.UntestedRule, yaml, "untested", "No test of this policy expects the rule `untested` to fire", occurrence: 1);
    }

    [Fact]
    public void Complaint_handling_that_branches_on_spend_is_flagged_unless_justified()
    {
        var rule = """
            rules:
              - id: vip-complaints-first
                principle: P6
                action: ticket.prioritise
                when:
                  all:
                    - {field: ticket.isComplaint, op: eq, value: true}
                    - {field: customer.spend, op: gt, value: 1000}
                effect: warn
            """;
        var yaml = Policies.With(rule);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.SpendInServiceQuality, yaml, "customer.spend", "Rule `vip-complaints-first` tests `customer.spend`");

        var justified = Policies.With(rule + "\n    justification: Records the case for the monthly fairness review; nobody is treated differently.");
        PolicyAssert.NoErrorWithCode(PolicyAssert.Load(justified), PolicyErrorCodes.SpendInServiceQuality);
    }

    [Fact]
    public void A_route_on_the_customers_tier_is_flagged()
    {
        var yaml = Policies.With("""
            routing:
              - id: queues
                action: ticket.route
                routes:
                  - when: {field: customer.tier, op: eq, value: gold}
                    result: premium
                default: general
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.SpendInServiceQuality, yaml, "customer.tier", "A route of `queues` tests `customer.tier`");
    }
}
