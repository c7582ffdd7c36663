namespace SupportDesk.Tests;

using SupportDesk.Storage;

/// <summary>P8 and P10 over HTTP: agents refund and credit within their limit; above it a supervisor approves first.</summary>
public sealed class PaymentTests
{
    [Fact]
    public async Task A_refund_within_the_agents_limit_is_issued_at_once()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/tickets/{ticket}/refunds", new { agentId = "a-1", amount = 80, currency = "EUR", reason = "Late delivery" });

        Assert.Equal(201, reply.Status);
        Assert.Equal("issued", reply.Text("status"));
        Assert.Single(desk.Get<HelpDeskStore>().PaymentsOf(ticket));
    }

    [Fact]
    public async Task A_refund_above_the_limit_returns_202_with_the_approval_obligation_and_pays_nothing()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/tickets/{ticket}/refunds", new { agentId = "a-1", amount = 250, currency = "EUR", reason = "Damaged item" });

        Assert.Equal(202, reply.Status);
        Assert.Equal("pending-approval", reply.Text("status"));
        Assert.Equal("allow-with-obligations", reply.Effect);
        var obligation = Assert.Single(reply.Decision.GetProperty("obligations").EnumerateArray());
        Assert.Equal("supervisor-approval", obligation.GetProperty("name").GetString());
        Assert.True(obligation.GetProperty("approval").GetBoolean());
        Assert.Contains("P8-within-agent-authority", reply.ViolationIds);
        Assert.Contains("authority.limit", reply.Explanation);
        Assert.Empty(desk.Get<HelpDeskStore>().PaymentsOf(ticket));
    }

    [Fact]
    public async Task Once_a_supervisor_approves_the_refund_is_issued()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/tickets/{ticket}/refunds", new { agentId = "a-1", amount = 250, currency = "EUR", reason = "Damaged item", approvedBy = "s-3" });

        Assert.Equal(201, reply.Status);
        var payment = Assert.Single(desk.Get<HelpDeskStore>().PaymentsOf(ticket));
        Assert.Equal("s-3", payment.ApprovedBy);
    }

    [Fact]
    public async Task Only_a_supervisor_can_approve()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/tickets/{ticket}/refunds", new { agentId = "a-1", amount = 250, currency = "EUR", reason = "Damaged item", approvedBy = "a-2" });

        Assert.Equal(403, reply.Status);
        Assert.Empty(desk.Get<HelpDeskStore>().PaymentsOf(ticket));
    }

    [Fact]
    public async Task A_senior_agent_refunds_250_alone_but_a_credit_of_60_by_an_agent_needs_approval()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        Assert.Equal(201, (await desk.PostAsync($"/tickets/{ticket}/refunds", new { agentId = "a-2", amount = 250, currency = "EUR", reason = "Damaged item" })).Status);
        Assert.Equal(202, (await desk.PostAsync($"/tickets/{ticket}/credits", new { agentId = "a-1", amount = 60, currency = "EUR", reason = "Goodwill" })).Status);
        Assert.Equal(201, (await desk.PostAsync($"/tickets/{ticket}/credits", new { agentId = "a-1", amount = 40, currency = "EUR", reason = "Goodwill" })).Status);
    }

    [Fact]
    public async Task Money_without_a_reason_is_refused_with_422()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/tickets/{ticket}/refunds", new { agentId = "a-1", amount = 20, currency = "EUR" });

        Assert.Equal(422, reply.Status);
        Assert.Equal(new[] { "P10-money-has-reason" }, reply.ViolationIds);
        Assert.Empty(desk.Get<HelpDeskStore>().PaymentsOf(ticket));
    }
}
