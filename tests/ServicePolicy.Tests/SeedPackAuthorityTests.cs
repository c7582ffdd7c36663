namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>refund.issue and credit.issue against the seed pack (P8, P10).</summary>
public sealed class SeedPackAuthorityTests
{
    [Theory]
    [InlineData("agent", 100)]
    [InlineData("agent", 20.5)]
    [InlineData("senior-agent", 500)]
    [InlineData("Supervisor", 4999.99)]
    public void A_refund_within_the_agents_limit_is_allowed_without_escalation(string role, double amount)
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest(role, (decimal)amount, "EUR", Reason: "damaged on delivery"));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void A_refund_above_the_limit_needs_approval()
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", 100.01m, "EUR", Reason: "late delivery"));

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
        Assert.True(decision.RequiresApproval);
        var approval = Assert.Single(decision.Obligations);
        Assert.Equal("supervisor-approval", approval.Name);
        Assert.True(approval.IsApproval);
        Assert.Equal(100d, approval.Details["authority.limit"]);
        Assert.Contains("P8-within-agent-authority", decision.Violations.Select(v => v.RuleId));
        Assert.Contains("do not proceed until the approval is obtained", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_approved_refund_above_the_limit_is_allowed()
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", 300m, "EUR", AgentId: "a-1", Reason: "late delivery", ApprovedBy: "sup-3", ApproverRole: "supervisor"));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
    }

    [Fact]
    public void An_unknown_role_has_no_authority()
    {
        var decision = SeedPack.Engine().IssueCredit(new CreditRequest("intern", 1m, "EUR", Reason: "goodwill"));

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
        Assert.Equal(0d, decision.Obligations[0].Details["authority.limit"]);
    }

    [Fact]
    public void Credits_use_their_own_limits()
    {
        var engine = SeedPack.Engine();

        Assert.Equal(DecisionEffect.Allow, engine.IssueCredit(new CreditRequest("agent", 50m, "EUR", Reason: "goodwill")).Effect);
        Assert.Equal(DecisionEffect.AllowWithObligations, engine.IssueCredit(new CreditRequest("agent", 60m, "EUR", Reason: "goodwill")).Effect);
    }

    [Fact]
    public void Money_without_a_reason_is_denied()
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", 10m, "EUR"));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("P10-money-has-reason", decision.FiredRules);
    }

    [Fact]
    public void A_negative_amount_is_bad_input()
    {
        var decision = SeedPack.Engine().IssueRefund(new RefundRequest("agent", -5m, "EUR", Reason: "x"));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.bad-input", decision.Violations[0].RuleId);
    }
}
