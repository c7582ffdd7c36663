namespace SupportDesk.Tests;

using SupportDesk.Storage;

/// <summary>P4 over HTTP: a promised follow-up has an owner and is due within the follow-up deadline (72 hours).</summary>
public sealed class FollowUpTests
{
    [Fact]
    public async Task A_follow_up_promised_beyond_the_deadline_is_refused_with_422()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/tickets/{ticket}/follow-ups", new { owner = "a-1", dueAt = TestDesk.Start.AddDays(10), channel = "phone" });

        Assert.Equal(422, reply.Status);
        Assert.Equal(new[] { "P4-followup-within-sla" }, reply.ViolationIds);
        Assert.Contains("sla.overdue", reply.Explanation);
        Assert.Empty(desk.Get<HelpDeskStore>().FollowUpsOf(ticket));
    }

    [Fact]
    public async Task A_follow_up_due_exactly_at_the_deadline_is_allowed_one_second_later_is_not()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var onTime = await desk.PostAsync($"/tickets/{ticket}/follow-ups", new { owner = "a-1", dueAt = TestDesk.Start.AddHours(72) });
        var late = await desk.PostAsync($"/tickets/{ticket}/follow-ups", new { owner = "a-1", dueAt = TestDesk.Start.AddHours(72).AddSeconds(1) });

        Assert.Equal(201, onTime.Status);
        Assert.Equal(422, late.Status);
        Assert.Single(desk.Get<HelpDeskStore>().FollowUpsOf(ticket));
    }

    [Fact]
    public async Task A_follow_up_without_an_owner_or_a_due_time_is_refused()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync();

        var noOwner = await desk.PostAsync($"/tickets/{ticket}/follow-ups", new { dueAt = TestDesk.Start.AddDays(1) });
        var noDueTime = await desk.PostAsync($"/tickets/{ticket}/follow-ups", new { owner = "a-1" });

        Assert.Equal(422, noOwner.Status);
        Assert.Equal(new[] { "P4-followup-needs-owner" }, noOwner.ViolationIds);
        Assert.Equal(422, noDueTime.Status);
        Assert.Equal(new[] { "P4-followup-needs-due-time" }, noDueTime.ViolationIds);
    }
}
