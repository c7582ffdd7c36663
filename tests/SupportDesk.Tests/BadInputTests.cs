namespace SupportDesk.Tests;

using SupportDesk.Messaging;
using SupportDesk.Storage;

/// <summary>Malformed or incomplete requests get a 4xx answer that says what is wrong; nothing is sent, paid or promised.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("/customers", "{\"name\":\"\",\"email\":\"\"}", 400)]
    [InlineData("/customers", "{not json", 400)]
    [InlineData("/tickets", "{\"customerId\":\"c-404\",\"category\":\"billing\",\"subject\":\"x\"}", 404)]
    [InlineData("/tickets/t-404/replies", "{\"text\":\"Hello\"}", 404)]
    [InlineData("/tickets/t-404/refunds", "{\"agentId\":\"a-1\",\"amount\":10,\"reason\":\"x\"}", 404)]
    [InlineData("/complaints/k-404/close", "{\"resolution\":\"x\",\"investigation\":\"y\"}", 404)]
    public async Task Requests_about_nothing_or_with_broken_bodies_are_4xx(string path, string body, int status)
    {
        await using var desk = await TestDesk.StartAsync();

        var reply = await desk.PostAsync(path, body);

        Assert.Equal(status, reply.Status);
    }

    [Fact]
    public async Task Empty_texts_unknown_agents_and_negative_amounts_are_refused_without_effect()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();
        var complaint = (await desk.PostAsync($"/tickets/{ticket}/complaints")).Text("id");
        var sentBefore = desk.Get<Outbox>().Sent.Count;

        Assert.Equal(400, (await desk.PostAsync($"/tickets/{ticket}/replies", "{\"text\":\"  \"}")).Status);
        Assert.Equal(400, (await desk.PostAsync($"/complaints/{complaint}/notice", "{}")).Status);
        Assert.Equal(403, (await desk.PostAsync($"/tickets/{ticket}/refunds", "{\"amount\":10,\"reason\":\"x\"}")).Status);
        var negative = await desk.PostAsync($"/tickets/{ticket}/refunds", "{\"agentId\":\"a-1\",\"amount\":-50,\"currency\":\"EUR\",\"reason\":\"x\"}");
        Assert.Equal(422, negative.Status);
        Assert.Contains("engine.bad-input", negative.ViolationIds);

        Assert.Equal(sentBefore, desk.Get<Outbox>().Sent.Count);
        Assert.Empty(desk.Get<HelpDeskStore>().PaymentsOf(ticket));
    }
}
