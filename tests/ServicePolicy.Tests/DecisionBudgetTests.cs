namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>Regular expressions cannot stall a decision, and the decision's one time budget fails closed.</summary>
public sealed class DecisionBudgetTests
{
    // Deny when any tag is made of a's only: a pattern the validator refuses (nested repeats), loaded
    // unvalidated to show that the engine itself cannot be stalled by it.
    private const string Policy = """
        actions:
          - name: case.check
            fields:
              tags: list
        rules:
          - id: R1
            principle: P3
            action: case.check
            effect: deny
            when:
              field: tags
              op: matches
              value: "^(a+)+$"

        """;

    /// <summary>About 44 KB: 400 tags that almost match (the worst case for a backtracking matcher), then one that matches.</summary>
    private static Dictionary<string, object?> HostileTags()
    {
        var tags = Enumerable.Repeat(new string('a', 110) + "!", 400).ToList();
        tags.Add(new string('a', 110));
        return new Dictionary<string, object?> { ["tags"] = tags };
    }

    [Fact]
    public void A_catastrophic_pattern_over_a_long_list_is_decided_by_the_rule()
    {
        var engine = PolicyEngine.Create(InlinePolicy.LoadUnvalidated(Policy), new PolicyEngineOptions { DecisionTimeBudget = TimeSpan.FromMinutes(5) });

        var decision = engine.Evaluate("case.check", HostileTags());

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal(new[] { "R1" }, decision.FiredRules);
    }

    [Fact]
    public void A_decision_that_runs_out_of_time_is_denied_never_allowed()
    {
        // A budget spent before the first rule runs: the decision must still deny, and say why.
        var engine = PolicyEngine.Create(InlinePolicy.LoadUnvalidated(Policy), new PolicyEngineOptions { DecisionTimeBudget = TimeSpan.FromTicks(1) });
        var harmless = new Dictionary<string, object?> { ["tags"] = Enumerable.Repeat("b", 5_000).ToList() };

        var decision = engine.Evaluate("case.check", harmless);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal(EngineRuleIds.TimeBudgetExceeded, violation.RuleId);
        Assert.Contains("time budget", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matches_pattern_the_linear_engine_cannot_run_is_refused_when_compiling()
    {
        var yaml = Policy.Replace("^(a+)+$", "^(a)\\\\1$", StringComparison.Ordinal);

        var created = PolicyEngine.TryCreate(InlinePolicy.LoadUnvalidated(yaml), null, out _, out var errors);

        Assert.False(created);
        Assert.Contains(errors, e => e.Code == "invalid-regex" && e.Message.Contains("linear time", StringComparison.Ordinal));
    }
}
