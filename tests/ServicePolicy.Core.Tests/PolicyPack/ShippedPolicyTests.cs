namespace ServicePolicy.Core.Tests.PolicyPack;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Every policy the project ships loads cleanly, and its embedded tests cover every rule both ways.</summary>
public class ShippedPolicyTests
{
    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string>();
        foreach (var file in PolicyFiles.ShippedPolicies())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void The_seed_pack_and_both_examples_are_shipped()
    {
        var shipped = PolicyFiles.ShippedPolicies();
        Assert.Contains("policies/service-ethics.yaml", shipped);
        Assert.Contains("policies/examples/retailer.yaml", shipped);
        Assert.Contains("policies/examples/minimal.yaml", shipped);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_shipped_policy_loads_without_errors_or_warnings(string relativePath)
    {
        var result = PolicyLoader.LoadFile(PolicyFiles.PathOf(relativePath), PolicyFiles.SharedPackOptions);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        Assert.NotEmpty(result.Policy!.Rules);
        Assert.NotEmpty(result.Policy.Tests);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_rule_has_an_embedded_test_where_it_fires_and_one_where_it_does_not(string relativePath)
    {
        var policy = Load(relativePath);
        var gaps = new List<string>();
        foreach (var rule in policy.Rules.Where(r => r.Enabled))
        {
            if (!policy.Tests.Any(t => ExpectsToFire(t, rule)))
            {
                gaps.Add($"{rule.Id}: no test lists it under expect.violations");
            }

            if (!policy.Tests.Any(t => ExpectsNotToFire(t, rule)))
            {
                gaps.Add($"{rule.Id}: no test of its action shows it NOT firing (exactly: true without it, or effect allow for a non-warn rule)");
            }
        }

        Assert.True(gaps.Count == 0, relativePath + ":\n" + string.Join("\n", gaps));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_rule_explains_itself(string relativePath)
    {
        var policy = Load(relativePath);
        var gaps = policy.Rules
            .Where(r => r.Title.Trim().Length == 0 || r.Message.Trim().Length == 0 || r.Remediation.Trim().Length == 0)
            .Select(r => r.Id)
            .ToList();
        Assert.True(gaps.Count == 0, "Rules without a title, message or remediation: " + string.Join(", ", gaps));
        var obligationsWithoutName = policy.Rules
            .Where(r => (r.Effect == RuleEffect.Obligation || r.Effect == RuleEffect.RequireApproval) && r.Obligation.Length == 0)
            .Select(r => r.Id)
            .ToList();
        Assert.True(obligationsWithoutName.Count == 0, "Obligation rules without an obligation name: " + string.Join(", ", obligationsWithoutName));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Test_expectations_name_only_rules_of_the_policy(string relativePath)
    {
        var policy = Load(relativePath);
        var ids = new HashSet<string>(policy.Rules.Select(r => r.Id), StringComparer.Ordinal);
        var unknown = policy.Tests.SelectMany(t => t.Expect.Violations.Where(v => !ids.Contains(v)).Select(v => $"{t.Name}: {v}")).ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    /// <summary>The test lists the rule among the rules that must fire.</summary>
    internal static bool ExpectsToFire(PolicyTest test, Rule rule) =>
        rule.Action.Contains(test.Action) && test.Expect.Violations.Contains(rule.Id);

    /// <summary>
    /// The test decides one of the rule's actions and its expectation rules the rule out: with
    /// `exactly: true` only the listed rules may fire, and an expected plain `allow` rules out any
    /// rule that denies or adds an obligation (but not a warn rule, which leaves the effect alone).
    /// </summary>
    internal static bool ExpectsNotToFire(PolicyTest test, Rule rule) =>
        rule.Action.Contains(test.Action)
        && !test.Expect.Violations.Contains(rule.Id)
        && (test.Expect.Exactly || (test.Expect.Effect == DecisionEffect.Allow && rule.Effect != RuleEffect.Warn));

    internal static Policy Load(string relativePath)
    {
        var result = PolicyLoader.LoadFile(PolicyFiles.PathOf(relativePath), PolicyFiles.SharedPackOptions);
        Assert.True(result.Policy != null, string.Join("\n", result.Errors));
        return result.Policy!;
    }
}
