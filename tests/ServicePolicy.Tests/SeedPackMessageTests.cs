namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>message.send against the seed pack (P3, P7).</summary>
public sealed class SeedPackMessageTests
{
    [Theory]
    [InlineData("Thanks for waiting, your order ships on Monday.", "en")]
    [InlineData("Gracias por su paciencia; su pedido sale el lunes.", "es")]
    [InlineData("Guaranteeing delivery dates is hard, so we give an estimate.", "en")]
    public void A_plain_courteous_message_is_allowed(string text, string language)
    {
        var decision = SeedPack.Engine().CheckMessage(new MessageRequest(text, language));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Empty(decision.FiredRules);
    }

    [Theory]
    [InlineData("Thanks for waiting, your order ships on Monday and the tracking link follows.", null, "detected")]
    [InlineData("Thanks for waiting, your order ships on Monday.", "en", "request")]
    public void A_message_without_a_language_is_checked_with_the_detected_one(string text, string? language, string source)
    {
        var decision = SeedPack.Engine().CheckMessage(new MessageRequest(text, language));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        var explanation = decision.Explain();
        Assert.Contains("text.language = en", explanation, StringComparison.Ordinal);
        Assert.Contains("text.languageSource = " + source, explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Todos los resultados están garantizados.", "es")]
    [InlineData("Tutti i risultati sono garantiti.", "it")]
    [InlineData("Мы гарантируем одобрение кредита.", "ru")]
    [InlineData("Son ustedes unos idiotas.", null)]
    public void Inflected_forms_are_denied(string text, string? language)
    {
        Assert.Equal(DecisionEffect.Deny, SeedPack.Engine().CheckMessage(new MessageRequest(text, language)).Effect);
    }

    [Fact]
    public void A_word_of_another_language_list_is_not_a_finding()
    {
        // Spanish "burro" (an insult) is butter in Italian.
        Assert.Equal(DecisionEffect.Allow, SeedPack.Engine().CheckMessage(new MessageRequest("Il burro è nella confezione colazione.", "it")).Effect);
    }

    [Theory]
    [InlineData("This plan is GUARANTEED to cut your bill.", "en", "guaranteed")]
    [InlineData("Resultado garantizado, sin riesgo.", "es", "garantizado")]
    [InlineData("Un risultato garantito per tutti.", "it", "garantito")]
    [InlineData("Это абсолютно бесплатно для вас.", "ru", "абсолютно бесплатно")]
    [InlineData("Hurry, only 3 left in stock!", "en", "fake-scarcity")]
    public void Banned_claims_are_denied_in_every_language(string text, string language, string phrase)
    {
        var decision = SeedPack.Engine().CheckMessage(new MessageRequest(text, language));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = Assert.Single(decision.Violations, v => v.RuleId == "P3-no-exaggerated-claims");
        Assert.Contains(phrase, violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Please calm down, sir.", "en")]
    [InlineData("No sea tonto, lea el manual.", "es")]
    [InlineData("Как я уже говорил, это не так.", "ru")]
    public void Disrespectful_terms_are_denied(string text, string language)
    {
        var decision = SeedPack.Engine().CheckMessage(new MessageRequest(text, language));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P7-no-disrespectful-language", decision.FiredRules);
    }

    [Fact]
    public void A_promise_needs_a_deadline()
    {
        var engine = SeedPack.Engine();

        var without = engine.CheckMessage(new MessageRequest("We will call you back about the refund.", "en"));
        var with = engine.CheckMessage(new MessageRequest("We will call you back about the refund.", "en", Deadline: SeedPack.Now.AddHours(4)));

        Assert.Equal(DecisionEffect.Deny, without.Effect);
        Assert.Contains("P3-promise-needs-deadline", without.FiredRules);
        Assert.Equal(DecisionEffect.Allow, with.Effect);
    }

    [Fact]
    public void A_price_quote_must_state_the_total_and_the_terms()
    {
        var engine = SeedPack.Engine();

        var bare = engine.CheckMessage(new MessageRequest("The upgrade costs 12 a month.", "en", Kind: "price-quote"));
        var complete = engine.CheckMessage(new MessageRequest("The upgrade costs 12 a month, 144 a year.", "en", Kind: "price-quote", TotalPrice: 144m, Terms: "https://example.com/terms"));
        var reply = engine.CheckMessage(new MessageRequest("Here is the invoice you asked for.", "en", Kind: "reply"));

        Assert.Contains("P3-price-quote-discloses-total-and-terms", bare.FiredRules);
        Assert.Equal(DecisionEffect.Deny, bare.Effect);
        Assert.Equal(DecisionEffect.Allow, complete.Effect);
        Assert.Equal(DecisionEffect.Allow, reply.Effect);
    }

    [Fact]
    public void A_message_without_text_cannot_be_checked_and_is_denied()
    {
        var decision = SeedPack.Engine().Evaluate("message.send", new Dictionary<string, object?> { ["language"] = "en" });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.missing-field", decision.Violations[0].RuleId);
        Assert.Contains("`text`", decision.Violations[0].Message, StringComparison.Ordinal);
    }
}
