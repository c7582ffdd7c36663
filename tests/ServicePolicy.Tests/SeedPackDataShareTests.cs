namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>data.share against the seed pack through the typed API: every P1 rule, both ways.</summary>
public sealed class SeedPackDataShareTests
{
    [Fact]
    public void Share_without_consent_is_denied_naming_the_missing_purpose()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.False(decision.IsAllowed);
        var violation = Assert.Single(decision.Violations, v => v.RuleId == "P1-share-needs-consent");
        Assert.Equal("P1", violation.Principle);
        Assert.Equal(Severity.Critical, violation.Severity);
        Assert.Contains("crm-sync", violation.Message, StringComparison.Ordinal);
        Assert.Contains("crm-provider", violation.Message, StringComparison.Ordinal);
        Assert.NotEmpty(violation.Remediation);
    }

    [Fact]
    public void Share_with_consent_is_allowed_with_the_log_masking_obligation()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync", "crm-provider");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email", "phone" }));

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Violations);
        var obligation = Assert.Single(decision.Obligations);
        Assert.Equal("redact-in-logs", obligation.Name);
        Assert.False(obligation.IsApproval);
        Assert.Equal(new object?[] { "email", "phone" }, Assert.IsAssignableFrom<IEnumerable<object?>>(obligation.Details["fields.redact"]));
    }

    [Fact]
    public void Withdrawn_consent_denies_with_the_withdrawal_rule_and_not_as_missing()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync");
        consents.Withdraw("c-1", "crm-sync");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-withdrawn-consent", decision.FiredRules);
        // Withdrawal is its own violation; the "missing consent" rule would only repeat it with an empty list.
        Assert.DoesNotContain("P1-share-needs-consent", decision.FiredRules);
        Assert.Contains("crm-sync", decision.Violations.Single(v => v.RuleId == "P1-withdrawn-consent").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_granted_then_withdrawn_then_granted_again_follows_the_store()
    {
        var consents = new InMemoryConsentStore();
        var engine = SeedPack.Engine(consents);
        var request = new DataShareRequest("c-9", "crm-provider", "crm-sync", new[] { "email" });

        Assert.False(engine.ShareData(request).IsAllowed);
        consents.Grant("c-9", "crm-sync", "crm-provider");
        Assert.True(engine.ShareData(request).IsAllowed);
        consents.Withdraw("c-9", "crm-sync", "crm-provider");
        Assert.False(engine.ShareData(request).IsAllowed);
    }

    [Fact]
    public void Fields_the_purpose_does_not_need_must_be_dropped()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync");
        consents.Grant("c-1", "payment-processing");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email", "iban" }));

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
        var drop = Assert.Single(decision.Obligations, o => o.Name == "drop-unneeded-fields");
        Assert.Equal(new object?[] { "iban" }, Assert.IsAssignableFrom<IEnumerable<object?>>(drop.Details["fields.unneeded"]));
        Assert.Contains("iban", drop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unapproved_recipient_is_denied_even_with_consent()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "data-broker", "crm-sync", new[] { "email" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-registered-recipients", decision.FiredRules);
    }

    [Fact]
    public void Sharing_no_personal_data_is_a_plain_allow()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "carrier", "order-delivery", new[] { "orderId", "productCode" }));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Empty(decision.FiredRules);
        Assert.Empty(decision.Obligations);
        Assert.Equal("service-ethics", decision.PolicyName);
        Assert.NotEmpty(decision.PolicyVersion);
    }

    [Fact]
    public void The_explanation_lists_each_rule_with_its_conditions_and_values()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email" }));

        var rule = decision.Explanation.Rules.Single(r => r.RuleId == "P1-share-needs-consent");
        Assert.True(rule.Fired);
        var condition = Assert.Single(rule.Conditions);
        Assert.Equal("consent.missing not-empty", condition.Text);
        Assert.Equal("[crm-sync]", condition.Actual);
        Assert.True(condition.Held);
        Assert.False(decision.Explanation.Rules.Single(r => r.RuleId == "P1-withdrawn-consent").Fired);
        Assert.Contains(decision.Explanation.Facts, f => f.Name == "consent.missing" && f.Value == "[crm-sync]");

        var text = decision.Explain();
        Assert.Contains("data.share -> deny", text, StringComparison.Ordinal);
        Assert.Contains("FIRED", text, StringComparison.Ordinal);
        Assert.Contains("[held]   consent.missing not-empty", text, StringComparison.Ordinal);
        Assert.Equal(text, decision.ToString());
    }

    [Fact]
    public void An_allowed_decision_can_still_explain_itself()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "carrier", "order-delivery", new[] { "orderId" }));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.All(decision.Explanation.Rules, r => Assert.False(r.Fired));
        Assert.Contains(decision.Explanation.Rules, r => r.RuleId == "P1-share-needs-consent");
        Assert.Contains("not fired P1-share-needs-consent", decision.Explain(), StringComparison.Ordinal);
    }
}
