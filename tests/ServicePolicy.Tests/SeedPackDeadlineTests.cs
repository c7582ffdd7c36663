namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>Deadline actions against the seed pack (P3, P4, P5, P6, P9, P10) with an injected clock.</summary>
public sealed class SeedPackDeadlineTests
{
    private static readonly DateTimeOffset Now = SeedPack.Now;

    [Theory]
    [InlineData("chat", 9, false)]
    [InlineData("chat", 11, true)]
    [InlineData("phone", 5, false)]
    [InlineData("phone", 6, true)]
    [InlineData("email", 479, false)]
    [InlineData("email", 481, true)]
    public void First_response_is_checked_against_the_channels_sla(string channel, int minutesWaiting, bool late)
    {
        var decision = SeedPack.Engine(now: Now).CheckFirstResponse(new FirstResponseRequest(channel, Now.AddMinutes(-minutesWaiting)));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Equal(late, decision.FiredRules.Contains("P5-first-response-in-time"));
    }

    [Fact]
    public void The_most_specific_sla_wins_urgent_priority_over_the_email_channel()
    {
        var decision = SeedPack.Engine(now: Now).CheckFirstResponse(new FirstResponseRequest("email", Now.AddHours(-2), Priority: "urgent"));

        Assert.Contains("P5-first-response-in-time", decision.FiredRules);
        Assert.Contains(decision.Explanation.Facts, f => f.Name == "sla.within" && f.Value == "1h");
    }

    [Fact]
    public void Responded_at_is_used_instead_of_now_when_given()
    {
        var decision = SeedPack.Engine(now: Now).CheckFirstResponse(new FirstResponseRequest("chat", Now.AddHours(-5), RespondedAt: Now.AddHours(-5).AddMinutes(3)));

        Assert.Empty(decision.FiredRules);
    }

    [Fact]
    public void A_complaint_acknowledged_after_24_hours_is_a_warning()
    {
        var engine = SeedPack.Engine(now: Now);

        var onTime = engine.AcknowledgeComplaint(new ComplaintAcknowledgeRequest("k-1", Now.AddHours(-23)));
        var late = engine.AcknowledgeComplaint(new ComplaintAcknowledgeRequest("k-1", Now.AddHours(-25)));

        Assert.Empty(onTime.FiredRules);
        Assert.Equal(DecisionEffect.Allow, late.Effect);
        Assert.Contains("P6-acknowledge-in-time", late.FiredRules);
    }

    [Fact]
    public void A_complaint_closes_only_with_resolution_notice_investigation_and_apology_where_due()
    {
        var engine = SeedPack.Engine(now: Now);

        var bare = engine.CloseComplaint(new ComplaintCloseRequest("k-1", Resolution: null, CustomerNotified: false, ApologyDue: true, Apologised: false, ReceivedAt: Now.AddDays(-2)));
        var complete = engine.CloseComplaint(new ComplaintCloseRequest("k-1", "Refunded the double charge", CustomerNotified: true, Investigation: "Payment retried twice", ApologyDue: true, Apologised: true, FeedbackRequested: true, ReceivedAt: Now.AddDays(-2)));

        Assert.Equal(DecisionEffect.Deny, bare.Effect);
        Assert.Contains("P6-close-needs-resolution", bare.FiredRules);
        Assert.Contains("P6-close-needs-customer-notice", bare.FiredRules);
        Assert.Contains("P6-apology-where-due", bare.FiredRules);
        Assert.Contains("P10-complaint-investigated", bare.FiredRules);
        Assert.Equal(DecisionEffect.Allow, complete.Effect);
    }

    [Fact]
    public void Closing_without_asking_for_feedback_carries_the_feedback_obligation()
    {
        var decision = SeedPack.Engine(now: Now).CloseComplaint(new ComplaintCloseRequest("k-1", "Fixed", CustomerNotified: true, Investigation: "Checked logs", ReceivedAt: Now.AddDays(-1)));

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
        Assert.Equal("request-feedback", Assert.Single(decision.Obligations).Name);
    }

    [Fact]
    public void A_complaint_resolved_after_14_days_is_a_warning()
    {
        var decision = SeedPack.Engine(now: Now).CloseComplaint(new ComplaintCloseRequest("k-1", "Fixed", CustomerNotified: true, Investigation: "Checked", FeedbackRequested: true, ReceivedAt: Now.AddDays(-15)));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Contains("P6-resolved-in-time", decision.FiredRules);
    }

    [Fact]
    public void A_follow_up_promise_needs_an_owner_a_due_time_and_must_fit_the_sla()
    {
        var engine = SeedPack.Engine(now: Now);

        Assert.Equal(DecisionEffect.Allow, engine.PromiseFollowUp(new FollowUpPromiseRequest("agent-7", Now.AddHours(48))).Effect);
        Assert.Contains("P4-followup-needs-owner", engine.PromiseFollowUp(new FollowUpPromiseRequest("", Now.AddHours(4))).FiredRules);
        Assert.Contains("P4-followup-needs-due-time", engine.PromiseFollowUp(new FollowUpPromiseRequest("agent-7", null)).FiredRules);
        var tooLate = engine.PromiseFollowUp(new FollowUpPromiseRequest("agent-7", Now.AddHours(73)));
        Assert.Equal(DecisionEffect.Deny, tooLate.Effect);
        Assert.Contains("P4-followup-within-sla", tooLate.FiredRules);
    }

    [Fact]
    public void A_follow_up_done_late_or_still_open_after_its_due_time_is_overdue()
    {
        var engine = SeedPack.Engine(now: Now);

        Assert.Empty(engine.CheckFollowUp(new FollowUpCheckRequest("agent-7", Now.AddHours(-2), CompletedAt: Now.AddHours(-3))).FiredRules);
        Assert.Contains("P4-followup-kept", engine.CheckFollowUp(new FollowUpCheckRequest("agent-7", Now.AddHours(-2), CompletedAt: Now.AddHours(-1))).FiredRules);
        Assert.Contains("P4-followup-kept", engine.CheckFollowUp(new FollowUpCheckRequest("agent-7", Now.AddMinutes(-1))).FiredRules);
        Assert.Empty(engine.CheckFollowUp(new FollowUpCheckRequest("agent-7", Now.AddMinutes(1))).FiredRules);
    }

    [Fact]
    public void Time_moves_with_the_injected_clock()
    {
        var clock = new ManualClock(Now);
        var engine = PolicyEngine.Create(SeedPack.Policy, new PolicyEngineOptions { TimeProvider = clock });
        var request = new FollowUpCheckRequest("agent-7", Now.AddHours(1));

        Assert.Empty(engine.CheckFollowUp(request).FiredRules);
        clock.Now = Now.AddHours(2);
        Assert.Contains("P4-followup-kept", engine.CheckFollowUp(request).FiredRules);
    }

    [Fact]
    public void A_billing_correction_after_five_days_is_a_warning()
    {
        var engine = SeedPack.Engine(now: Now);

        Assert.Empty(engine.CorrectBilling(new BillingCorrectionRequest(Now.AddDays(-4))).FiredRules);
        Assert.Contains("P3-billing-corrected-in-time", engine.CorrectBilling(new BillingCorrectionRequest(Now.AddDays(-6))).FiredRules);
    }

    [Fact]
    public void Resolving_a_ticket_without_asking_for_feedback_carries_the_obligation()
    {
        var engine = SeedPack.Engine(now: Now);

        Assert.Equal(DecisionEffect.AllowWithObligations, engine.ResolveTicket(new TicketResolveRequest("t-1", "Reset the router", false)).Effect);
        Assert.Equal(DecisionEffect.Allow, engine.ResolveTicket(new TicketResolveRequest("t-1", "Reset the router", true)).Effect);
    }

    [Fact]
    public void An_evaluation_context_time_overrides_the_clock()
    {
        var engine = SeedPack.Engine(now: Now);
        var request = new FollowUpCheckRequest("agent-7", Now.AddHours(1));

        Assert.Contains("P4-followup-kept", engine.CheckFollowUp(request, new EvaluationContext { Now = Now.AddHours(3) }).FiredRules);
    }

    [Fact]
    public void Durations_under_a_second_read_as_zero_seconds_in_the_explanation()
    {
        var decision = SeedPack.Engine(now: Now).CheckFirstResponse(new FirstResponseRequest("chat", Now.AddMilliseconds(-300)));

        Assert.Contains(decision.Explanation.Facts, f => f.Name == "sla.elapsed" && f.Value == "0s");
        Assert.Contains(decision.Explanation.Facts, f => f.Name == "sla.within" && f.Value == "10m");
    }
}
