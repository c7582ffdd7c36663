namespace ServicePolicy.Tests;

/// <summary>Two versions of a small policy whose refund limits differ, to tell which version decided.</summary>
internal static class VersionedPolicies
{
    public static string Text(string version, int agentLimit) => $$"""
        apiVersion: servicepolicy/v1
        metadata:
          name: refunds
          version: "{{version}}"
        authority:
          - role: agent
            action: refund.issue
            max: {{agentLimit}}
        rules:
          - id: P8-limit
            principle: P8
            action: refund.issue
            effect: require-approval
            obligation: supervisor-approval
            message: "{amount} is above {authority.limit}"
            when:
              field: authority.exceeded
              op: eq
              value: true
        """;

    public const string Broken = "apiVersion: servicepolicy/v1\nrules:\n  - id: P8-limit\n    principle: P99\n    action: refund.issue\n    when: {field: amount, op: gt, value: [unclosed\n";
}
