namespace ServicePolicy.Core.Validation;

/// <summary>Where a condition stands: who owns it, which actions' fields it may test, and whether it decides routing, priority, price or eligibility.</summary>
public sealed class ConditionScope
{
    public ConditionScope(string owner, IReadOnlyList<string> actions, string? decisionContext)
    {
        Owner = owner;
        Actions = actions;
        DecisionContext = decisionContext;
    }

    /// <summary>How messages name the owner: "rule `P2-no-vip-routing`", "route 2 of routing table `queues`".</summary>
    public string Owner { get; }

    public IReadOnlyList<string> Actions { get; }

    /// <summary>routing, prioritisation, pricing or eligibility when the condition takes part in such a decision; otherwise null.</summary>
    public string? DecisionContext { get; }
}
