namespace ServicePolicy.Core.Tests;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

public class LoaderSmokeTests
{
    [Fact]
    public void A_minimal_policy_loads_with_its_rule_and_condition()
    {
        var yaml = """
            apiVersion: servicepolicy/v1
            metadata:
              name: smoke
              version: 0.1.0
            rules:
              - id: r1
                principle: P8
                action: refund.issue
                when:
                  all:
                    - field: amount
                      op: gt
                      value: 100
                effect: require-approval
                obligation: supervisor-approval
                message: "Refund of {amount} needs approval"
            """;
        var result = PolicyLoader.LoadText(yaml, "smoke.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var rule = Assert.Single(result.Policy!.Rules);
        Assert.Equal(RuleEffect.RequireApproval, rule.Effect);
        Assert.Equal("amount", rule.When!.All![0].Field);
        Assert.Equal(new[] { "refund.issue" }, rule.Action);
    }

    [Fact]
    public void Unknown_key_is_reported_at_its_line_and_column_with_a_suggestion()
    {
        var yaml = "apiVersion: servicepolicy/v1\nrules:\n  - id: r1\n    principle: P1\n    action: data.share\n    severity: error\n    efect: deny\n";
        var result = PolicyLoader.LoadText(yaml, "p.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.UnknownKey, error.Code);
        Assert.Equal(7, error.Location.Line);
        Assert.Equal(5, error.Location.Column);
        Assert.Equal("Did you mean `effect`?", error.Hint);
    }
}
