namespace SupportDesk.Tests;

using SupportDesk.Messaging;

/// <summary>P6, P9, P10 over HTTP: a complaint is closed only with a resolution, an investigation and a notice to the customer.</summary>
public sealed class ComplaintTests
{
    private const string Resolution = "Duplicate charge refunded.";
    private const string Investigation = "A payment retry charged the card twice.";

    [Fact]
    public async Task A_complaint_is_acknowledged_when_it_arrives()
    {
        await using var desk = await TestDesk.StartAsync();
        var (_, ticket) = await desk.CustomerWithTicketAsync("ru");

        var reply = await desk.PostAsync($"/tickets/{ticket}/complaints");

        Assert.Equal(201, reply.Status);
        Assert.Equal("allow", reply.Effect);
        var acknowledgement = Assert.Single(desk.Get<Outbox>().Sent);
        Assert.Equal("complaint-acknowledgement", acknowledgement.Kind);
        Assert.Contains(reply.Text("id"), acknowledgement.Text);
    }

    [Fact]
    public async Task A_complaint_cannot_be_closed_without_a_resolution_and_a_notice()
    {
        await using var desk = await TestDesk.StartAsync();
        var complaint = await OpenComplaintAsync(desk);

        var bare = await desk.PostAsync($"/complaints/{complaint}/close", new { investigation = Investigation });
        Assert.Equal(409, bare.Status);
        Assert.Equal(new[] { "P6-close-needs-customer-notice", "P6-close-needs-resolution" }, bare.ViolationIds.Order());

        var resolvedButNotTold = await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation });
        Assert.Equal(409, resolvedButNotTold.Status);
        Assert.Equal(new[] { "P6-close-needs-customer-notice" }, resolvedButNotTold.ViolationIds);

        Assert.Equal(201, (await desk.PostAsync($"/complaints/{complaint}/notice", new { text = "We refunded the duplicate charge." })).Status);
        var closed = await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation });
        Assert.Equal(200, closed.Status);
        Assert.Equal("true", closed.Text("closed"));

        var again = await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation });
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task A_complaint_that_was_our_fault_needs_an_apology_before_it_closes()
    {
        await using var desk = await TestDesk.StartAsync();
        var complaint = await OpenComplaintAsync(desk);
        await desk.PostAsync($"/complaints/{complaint}/notice", new { text = "We refunded the duplicate charge.", apology = false });

        var withoutApology = await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation, companyAtFault = true });
        Assert.Equal(409, withoutApology.Status);
        Assert.Equal(new[] { "P6-apology-where-due" }, withoutApology.ViolationIds);

        await desk.PostAsync($"/complaints/{complaint}/notice", new { text = "We are sorry: the error was ours.", apology = true });
        Assert.Equal(200, (await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation, companyAtFault = true })).Status);
    }

    [Fact]
    public async Task Closing_fulfils_the_feedback_obligation_by_sending_the_survey()
    {
        await using var desk = await TestDesk.StartAsync();
        var complaint = await OpenComplaintAsync(desk);
        await desk.PostAsync($"/complaints/{complaint}/notice", new { text = "We refunded the duplicate charge." });

        var closed = await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation });

        Assert.Equal(200, closed.Status);
        Assert.Contains("request-feedback", closed.ObligationNames);
        Assert.Equal("true", closed.Text("feedbackRequested"));
        Assert.Contains(desk.Get<Outbox>().Sent, m => m.Kind == "feedback-survey");
    }

    [Fact]
    public async Task A_notice_with_an_insult_is_refused_and_does_not_count_as_telling_the_customer()
    {
        await using var desk = await TestDesk.StartAsync();
        var complaint = await OpenComplaintAsync(desk);

        var notice = await desk.PostAsync($"/complaints/{complaint}/notice", new { text = "As I already told you, it was refunded." });
        Assert.Equal(422, notice.Status);

        var close = await desk.PostAsync($"/complaints/{complaint}/close", new { resolution = Resolution, investigation = Investigation });
        Assert.Equal(409, close.Status);
        Assert.Contains("P6-close-needs-customer-notice", close.ViolationIds);
    }

    private static async Task<string> OpenComplaintAsync(TestDesk desk)
    {
        var (_, ticket) = await desk.CustomerWithTicketAsync();
        var reply = await desk.PostAsync($"/tickets/{ticket}/complaints");
        Assert.Equal(201, reply.Status);
        return reply.Text("id");
    }
}
