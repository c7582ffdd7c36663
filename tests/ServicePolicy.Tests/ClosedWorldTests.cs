namespace ServicePolicy.Tests;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// What the seed pack must stop whatever the spelling of a name or the oddity of an input: each
/// case here was once let through.
/// </summary>
public sealed class ClosedWorldTests
{
    [Fact]
    public void Contact_data_under_other_names_needs_consent()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "customerEmail", "mobilePhone", "homeAddress" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-share-needs-consent", decision.FiredRules);
    }

    [Theory]
    [InlineData("customer_email")]
    [InlineData("E-Mail")]
    [InlineData("CUSTOMER-EMAIL")]
    [InlineData("customer.contactEmail")]
    public void Field_names_match_by_their_words_whatever_the_case_and_separators(string field)
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { field }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-share-needs-consent", decision.FiredRules);
    }

    [Fact]
    public void Credentials_are_never_shared_not_merely_dropped()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "order-delivery", "carrier");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "carrier", "order-delivery", new[] { "password" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-never-shared", decision.FiredRules);
    }

    [Fact]
    public void A_withdrawal_for_every_recipient_overrides_an_earlier_grant_for_one()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync", "crm-provider");
        consents.Withdraw("c-1", "crm-sync");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-withdrawn-consent", decision.FiredRules);
        var explained = decision.Explain();
        Assert.DoesNotContain("consent.granted = true", explained, StringComparison.Ordinal);
        Assert.Contains("granted for crm-provider", explained, StringComparison.Ordinal);
        Assert.Contains("withdrawn for every recipient", explained, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_after_a_withdrawal_is_in_force_again()
    {
        var consents = new InMemoryConsentStore();
        consents.Withdraw("c-1", "crm-sync");
        consents.Grant("c-1", "crm-sync", "crm-provider");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email" }));

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void Wrong_typed_field_names_are_bad_input()
    {
        var input = new Dictionary<string, object?>
        {
            ["subject"] = "c-1",
            ["recipient"] = "crm-provider",
            ["purpose"] = "crm-sync",
            ["fields"] = new List<object?> { new Dictionary<string, object?> { ["name"] = "email" }, 7 },
        };

        var decision = SeedPack.Engine().Evaluate("data.share", input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains(EngineRuleIds.BadInput, decision.FiredRules);
    }

    [Theory]
    [InlineData("genderIdentity")]
    [InlineData("healthCondition")]
    [InlineData("religion")]
    [InlineData("medical_notes")]
    public void Routing_with_a_protected_attribute_or_special_data_is_refused(string field)
    {
        var input = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["id"] = "c-1", [field] = "x" },
            ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" },
        };

        var decision = SeedPack.Engine().RouteTicket(input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P2-no-protected-attributes-in-decisions", decision.FiredRules);
        Assert.Null(decision.Result);
    }

    [Fact]
    public void Attributes_given_as_name_value_pairs_are_found()
    {
        var input = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?>
            {
                ["id"] = "c-1",
                ["attributes"] = new List<object?> { new Dictionary<string, object?> { ["name"] = "Gender", ["value"] = "f" } },
            },
            ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" },
        };

        var decision = SeedPack.Engine().RouteTicket(input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P2-no-protected-attributes-in-decisions", decision.FiredRules);
    }

    [Fact]
    public void An_agent_may_not_approve_their_own_refund()
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", 400m, "EUR", AgentId: "a-7", Reason: "late delivery", ApprovedBy: "a-7"));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P8-approver-independent", decision.FiredRules);
    }

    [Fact]
    public void An_approver_without_the_authority_for_the_amount_does_not_count()
    {
        var input = new Dictionary<string, object?>
        {
            ["agent"] = new Dictionary<string, object?> { ["id"] = "a-7", ["role"] = "agent" },
            ["amount"] = 400,
            ["currency"] = "EUR",
            ["reason"] = "late delivery",
            ["approvedBy"] = "a-8",
            ["approver"] = new Dictionary<string, object?> { ["role"] = "agent" },
        };

        var decision = SeedPack.Engine().Evaluate("refund.issue", input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P8-approver-has-authority", decision.FiredRules);
    }

    [Fact]
    public void A_resolution_of_spaces_is_no_resolution()
    {
        var decision = SeedPack.Engine().CloseComplaint(new ComplaintCloseRequest("k-1", "   ", true, Investigation: "checked the logs", FeedbackRequested: true));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P6-close-needs-resolution", decision.FiredRules);
    }

    [Fact]
    public void A_follow_up_due_before_it_was_promised_is_refused()
    {
        var decision = SeedPack.Engine().PromiseFollowUp(new FollowUpPromiseRequest("team-a", SeedPack.Now.AddHours(-2), "phone", SeedPack.Now));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P4-followup-due-after-promise", decision.FiredRules);
    }

    [Fact]
    public void Messages_never_render_missing_values_or_broken_grammar()
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", 400m, "EUR", Reason: "late delivery"));

        var message = Assert.Single(decision.Violations, v => v.RuleId == "P8-within-agent-authority").Message;
        Assert.DoesNotContain("(missing)", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" a agent", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_policy_that_disables_a_rule_names_itself_its_packs_and_what_it_switched_off()
    {
        var dir = Directory.CreateTempSubdirectory("sp-identity-");
        try
        {
            var path = Path.Combine(dir.FullName, "company.yaml");
            File.WriteAllText(path, "apiVersion: servicepolicy/v1\ninclude:\n  - " + RepositoryPaths.SeedPack.Replace("\\", "/", StringComparison.Ordinal) + "\ndisable:\n  - P9-request-feedback\n");
            // The pack's own tests expect the rule switched off here, so they are left out of this load.
            var loaded = PolicyLoader.LoadFile(path, new PolicyLoadOptions { Validate = false, IncludeRoots = new[] { RepositoryPaths.Policies } });
            Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
            Assert.NotNull(loaded.Policy);
            var engine = PolicyEngine.Create(loaded.Policy!);

            var decision = engine.ResolveTicket(new TicketResolveRequest("t-1", "fixed", false));

            Assert.NotEqual("service-ethics", decision.PolicyName);
            var identity = decision.PolicyIdentity;
            Assert.Contains(identity.Includes, pack => pack.Name == "service-ethics" && pack.Version == "1.0.0");
            Assert.Contains("P9-request-feedback", identity.Disabled);
            Assert.Equal(64, identity.ContentHash.Length);
            Assert.Contains("P9-request-feedback", decision.Explain(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_decision_log_line_names_the_included_packs_the_hash_and_the_rules_switched_off()
    {
        var logs = new CapturingLoggerProvider();
        var engine = PolicyEngine.Create(RetailerPolicy.Value, new PolicyEngineOptions { LoggerFactory = logs });

        engine.ShareData(new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email" }));

        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "PolicyDecision");
        Assert.Contains("policy acme-retail 2.3.0 (includes service-ethics 1.0.0;", entry.Text, StringComparison.Ordinal);
        var values = entry.Values.ToDictionary(v => v.Key, v => v.Value);
        Assert.Equal("acme-retail", values["PolicyName"]);
        Assert.Equal("includes service-ethics 1.0.0", values["PolicyIncludes"]);
        Assert.Matches("^[0-9a-f]{64}$", (string)values["PolicyHash"]!);
    }

    private static readonly Lazy<Policy> RetailerPolicy = new(() =>
    {
        var loaded = PolicyLoader.LoadFile(
            Path.Combine(RepositoryPaths.Policies, "examples", "retailer.yaml"),
            new PolicyLoadOptions { IncludeRoots = new[] { RepositoryPaths.Policies } }); // the example includes the pack from its parent folder
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Policy!;
    });

    [Fact]
    public void An_internal_team_receives_data_without_third_party_consent()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "support", "customer-support", new[] { "email", "orderHistory" }));

        Assert.True(decision.IsAllowed, decision.Explain());
        Assert.DoesNotContain("P1-registered-recipients", decision.FiredRules);
        Assert.DoesNotContain("P1-share-needs-consent", decision.FiredRules);
    }

    [Fact]
    public void An_internal_team_still_receives_only_what_the_purpose_needs()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "support", "customer-support", new[] { "email", "iban" }));

        Assert.Contains("P1-drop-unneeded-fields", decision.FiredRules);
    }

    [Fact]
    public void A_share_with_an_undeclared_recipient_is_refused()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "crm-providers", "crm-sync", new[] { "email" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-registered-recipients", decision.FiredRules);
    }

    [Fact]
    public void A_recipient_receives_data_only_for_the_purposes_it_is_registered_for()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "marketing");

        var decision = SeedPack.Engine(consents).ShareData(new DataShareRequest("c-1", "carrier", "marketing", new[] { "email" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P1-registered-recipients", decision.FiredRules);
    }

    [Fact]
    public void A_field_nobody_classified_is_treated_as_personal_and_the_decision_says_so()
    {
        var decision = SeedPack.Engine().ShareData(new DataShareRequest("c-1", "unknown-partner", "crm-sync", new[] { "favouriteColour" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("favouriteColour", decision.Explain(), StringComparison.Ordinal);
        Assert.Contains("fields.unclassified", decision.Explain(), StringComparison.Ordinal);
    }
}
