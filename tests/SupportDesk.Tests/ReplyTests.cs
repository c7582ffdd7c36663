namespace SupportDesk.Tests;

using SupportDesk.Messaging;

/// <summary>P3 and P7 over HTTP: replies with banned claims or disrespectful words are refused (422) in every language.</summary>
public sealed class ReplyTests
{
    [Theory]
    [InlineData("es", "Con este plan el ahorro está garantizado.", "garantizado")]
    [InlineData("es", "Es una inversión SIN NINGÚN RIESGO.", "sin ningún riesgo")]
    [InlineData("it", "Il rimborso è garantito, senza rischi!", "garantito")]
    [InlineData("it", "È il miglior prezzo sul mercato.", "il miglior prezzo sul mercato")]
    [InlineData("ru", "Это Гарантированно сработает.", "гарантированно")]
    [InlineData("ru", "Лучшая цена на рынке только у нас.", "лучшая цена на рынке")]
    [InlineData("en", "Our plan is GUARANTEED to cut your bill.", "guaranteed")]
    public async Task A_reply_with_a_banned_claim_is_refused_with_422(string language, string text, string claim)
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync(language);

        var reply = await desk.PostAsync($"/tickets/{ticket}/replies", new { text, language });

        Assert.Equal(422, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(new[] { "P3-no-exaggerated-claims" }, reply.ViolationIds);
        Assert.Contains(claim, reply.Text("detail"), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(desk.Get<Outbox>().Sent);
    }

    [Theory]
    [InlineData("es", "No sea estúpido, lea el manual.")]
    [InlineData("it", "Stia zitto e aspetti.")]
    [InlineData("ru", "Только ИДИОТЫ так делают.")]
    public async Task A_disrespectful_reply_is_refused_with_422(string language, string text)
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync(language);

        var reply = await desk.PostAsync($"/tickets/{ticket}/replies", new { text, language });

        Assert.Equal(422, reply.Status);
        Assert.Equal(new[] { "P7-no-disrespectful-language" }, reply.ViolationIds);
        Assert.Empty(desk.Get<Outbox>().Sent);
    }

    [Theory]
    [InlineData("es", "Gracias por su paciencia. Hemos corregido la factura; la garantía del producto es de dos años.")]
    [InlineData("it", "Grazie per la pazienza. Abbiamo corretto la fattura; i termini sono allegati.")]
    [InlineData("ru", "Спасибо за терпение. Мы исправили счёт, условия приложены.")]
    [InlineData("en", "Your classic model comes with a two-year guarantee; the terms are attached.")]
    public async Task A_courteous_factual_reply_is_sent(string language, string text)
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync(language);

        var reply = await desk.PostAsync($"/tickets/{ticket}/replies", new { text, language });

        Assert.Equal(201, reply.Status);
        Assert.Equal("allow", reply.Effect);
        var sent = Assert.Single(desk.Get<Outbox>().Sent);
        Assert.Equal(text, sent.Text);
    }

    [Fact]
    public async Task A_promised_call_back_needs_a_deadline()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync("it");

        var withoutDeadline = await desk.PostAsync($"/tickets/{ticket}/replies", new { text = "La richiameremo al più presto." });
        var withDeadline = await desk.PostAsync($"/tickets/{ticket}/replies", new { text = "La richiameremo entro domani alle 12.", deadline = TestDesk.Start.AddDays(1) });

        Assert.Equal(422, withoutDeadline.Status);
        Assert.Equal(new[] { "P3-promise-needs-deadline" }, withoutDeadline.ViolationIds);
        Assert.Equal(201, withDeadline.Status);
    }
}
