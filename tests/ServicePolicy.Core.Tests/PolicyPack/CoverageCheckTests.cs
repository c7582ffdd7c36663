namespace ServicePolicy.Core.Tests.PolicyPack;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>The coverage check itself must be able to fail: it is exercised on small policies with known gaps.</summary>
public class CoverageCheckTests
{
    private const string Header = "apiVersion: servicepolicy/v1\nrules:\n  - id: r1\n    principle: P8\n    action: refund.issue\n    when: {field: amount, op: gt, value: 100}\n    effect: EFFECT\n    obligation: supervisor-approval\n";

    [Fact]
    public void A_rule_listed_under_violations_counts_as_firing()
    {
        var (rule, tests) = Load("require-approval", "  - name: big\n    action: refund.issue\n    input: {amount: 500}\n    expect: {violations: [r1]}\n");
        Assert.True(ShippedPolicyTests.ExpectsToFire(tests[0], rule));
        Assert.False(ShippedPolicyTests.ExpectsNotToFire(tests[0], rule));
    }

    [Fact]
    public void A_test_of_another_action_proves_nothing()
    {
        var (rule, tests) = Load("deny", "  - name: other\n    action: credit.issue\n    input: {amount: 5}\n    expect: {effect: allow, exactly: true}\n");
        Assert.False(ShippedPolicyTests.ExpectsToFire(tests[0], rule));
        Assert.False(ShippedPolicyTests.ExpectsNotToFire(tests[0], rule));
    }

    [Fact]
    public void Exactly_without_the_rule_counts_as_not_firing()
    {
        var (rule, tests) = Load("warn", "  - name: small\n    action: refund.issue\n    input: {amount: 5}\n    expect: {exactly: true}\n");
        Assert.True(ShippedPolicyTests.ExpectsNotToFire(tests[0], rule));
    }

    [Fact]
    public void An_expected_allow_rules_out_a_deny_rule_but_not_a_warn_rule()
    {
        var (denyRule, denyTests) = Load("deny", "  - name: small\n    action: refund.issue\n    input: {amount: 5}\n    expect: {effect: allow}\n");
        Assert.True(ShippedPolicyTests.ExpectsNotToFire(denyTests[0], denyRule));
        var (warnRule, warnTests) = Load("warn", "  - name: small\n    action: refund.issue\n    input: {amount: 5}\n    expect: {effect: allow}\n");
        Assert.False(ShippedPolicyTests.ExpectsNotToFire(warnTests[0], warnRule));
    }

    private static (Rule Rule, IReadOnlyList<PolicyTest> Tests) Load(string effect, string tests)
    {
        var result = PolicyLoader.LoadText(Header.Replace("EFFECT", effect) + "tests:\n" + tests, "coverage.yaml");
        Assert.True(result.Policy != null, string.Join("\n", result.Errors));
        return (result.Policy!.Rules.Single(), result.Policy.Tests);
    }
}
