namespace ServicePolicy.Tests;

using System.Text.Json;
using ServicePolicy.Core.Model;

/// <summary>Evaluation never throws on bad input; it denies and says what was wrong.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Null_input_for_an_action_with_required_fields_is_denied_naming_them()
    {
        var decision = SeedPack.Engine().Evaluate("data.share", null);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = decision.Violations[0];
        Assert.Equal("engine.missing-field", violation.RuleId);
        Assert.Contains("`subject`", violation.Message, StringComparison.Ordinal);
        Assert.Contains("`recipient`", violation.Message, StringComparison.Ordinal);
        Assert.Contains("`purpose`", violation.Message, StringComparison.Ordinal);
        Assert.Contains("`fields`", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"subject":"c-1","recipient":"crm-provider","purpose":"crm-sync"}""")]
    [InlineData("""{"subject":"c-1","recipient":"crm-provider","purpose":"crm-sync","fields":null}""")]
    public void A_share_that_does_not_say_which_fields_it_sends_is_denied(string json)
    {
        // Without the fields nothing can be checked for consent: refusing is the only safe answer.
        using var input = JsonDocument.Parse(json);
        var decision = SeedPack.Engine().Evaluate("data.share", input.RootElement);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = Assert.Single(decision.Violations, v => v.RuleId == "engine.missing-field");
        Assert.Contains("`fields`", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_input_for_routing_falls_to_the_default_route()
    {
        var decision = SeedPack.Engine().Evaluate("ticket.route", null);

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Equal("general", decision.Result);
    }

    [Theory]
    [InlineData("a text")]
    [InlineData(42)]
    public void Input_that_is_not_an_object_is_bad_input(object input)
    {
        var decision = SeedPack.Engine().Evaluate("ticket.route", input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.bad-input", decision.Violations[0].RuleId);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("17.5")]
    public void Json_that_is_not_an_object_is_bad_input(string json)
    {
        var decision = SeedPack.Engine().Evaluate("refund.issue", JsonDocument.Parse(json).RootElement);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.bad-input", decision.Violations[0].RuleId);
    }

    [Fact]
    public void A_text_amount_that_is_not_a_number_is_bad_input_naming_the_field()
    {
        var decision = SeedPack.Engine().Evaluate("refund.issue", JsonDocument.Parse("""{"amount":"a lot","agent":{"role":"agent"},"reason":"x"}""").RootElement);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = decision.Violations[0];
        Assert.Equal("engine.bad-input", violation.RuleId);
        Assert.Contains("`amount`", violation.Message, StringComparison.Ordinal);
        Assert.Contains("a number", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_text_amount_is_read_as_a_number()
    {
        var decision = SeedPack.Engine().Evaluate("refund.issue", JsonDocument.Parse("""{"amount":"150","agent":{"role":"agent"},"reason":"x"}""").RootElement);

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
    }

    [Fact]
    public void A_missing_amount_is_a_missing_field()
    {
        var decision = SeedPack.Engine().Evaluate("refund.issue", new Dictionary<string, object?> { ["agent.role"] = "agent", ["reason"] = "x" });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.missing-field", decision.Violations[0].RuleId);
    }

    [Fact]
    public void Shared_fields_given_as_an_object_are_bad_input()
    {
        var decision = SeedPack.Engine().Evaluate("data.share", JsonDocument.Parse("""{"subject":"c","recipient":"carrier","purpose":"order-delivery","fields":{"email":true}}""").RootElement);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains(decision.Violations, v => v.RuleId == "engine.bad-input" && v.Message.Contains("`fields`", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_bad_input()
    {
        var decision = SeedPack.Engine().Evaluate("response.first", new Dictionary<string, object?> { ["channel"] = "chat", ["receivedAt"] = "yesterday-ish" });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.bad-input", decision.Violations[0].RuleId);
    }

    [Fact]
    public void An_unknown_action_is_denied_listing_the_known_ones()
    {
        var decision = SeedPack.Engine().Evaluate("teleport.customer", new { });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.unknown-action", decision.Violations[0].RuleId);
        Assert.Contains("data.share", decision.Violations[0].Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_action_is_denied_not_thrown()
    {
        var decision = SeedPack.Engine().Evaluate(null!, null);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
    }

    [Fact]
    public void A_default_decision_denies()
    {
        var decision = default(Decision);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.False(decision.IsAllowed);
        Assert.Empty(decision.Violations);
    }

    private sealed class ThrowingConsentStore : IConsentStore
    {
        public ConsentState GetConsent(string subject, string purpose, string recipient) => throw new InvalidOperationException("database down");
    }

    [Fact]
    public void A_consent_store_that_throws_denies_the_share()
    {
        var engine = PolicyEngine.Create(SeedPack.Policy, new PolicyEngineOptions { ConsentStore = new ThrowingConsentStore() });

        var decision = engine.ShareData(new DataShareRequest("c-1", "carrier", "order-delivery", new[] { "address" }));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.evaluation-error", decision.Violations[0].RuleId);
    }

    private sealed class ThrowingGetter
    {
        public string Subject => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void A_property_getter_that_throws_gives_a_denial_not_an_exception()
    {
        var decision = SeedPack.Engine().Evaluate("data.share", new ThrowingGetter());

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.evaluation-error", decision.Violations[0].RuleId);
    }

    [Fact]
    public void Random_json_inputs_never_throw_and_every_action_answers()
    {
        var engine = SeedPack.Engine();
        var random = new Random(12345);
        string[] keys = { "amount", "subject", "fields", "text", "receivedAt", "dueAt", "owner", "customer", "ticket", "agent", "gender", "kind", "deadline", "x" };
        string[] values = { "null", "true", "1e308", "-1", "\"\"", "\"2026-13-45\"", "[]", "[null, 1, \"a\"]", "{}", "{\"role\": [1]}", "\"guaranteed\"", "\"" + new string('a', 2000) + "\"" };
        foreach (var action in engine.Actions.ToList())
        {
            for (var i = 0; i < 60; i++)
            {
                var members = Enumerable.Range(0, random.Next(0, 6)).Select(_ => $"\"{keys[random.Next(keys.Length)]}\": {values[random.Next(values.Length)]}").Distinct();
                var json = "{" + string.Join(",", members.GroupBy(m => m.Split(':')[0]).Select(g => g.First())) + "}";
                var decision = engine.Evaluate(action, JsonDocument.Parse(json).RootElement);
                Assert.Equal(action, decision.Action);
                _ = decision.Explain();
            }
        }
    }
}
