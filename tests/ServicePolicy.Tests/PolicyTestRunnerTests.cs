namespace ServicePolicy.Tests;

using ServicePolicy.Testing;

/// <summary>The runner behind `servicepolicy test` reports each way a case differs from its expectation.</summary>
public sealed class PolicyTestRunnerTests
{
    private const string Policy = """
        authority:
          - role: agent
            action: refund.issue
            max: 100
        routing:
          - id: queues
            action: ticket.route
            routes:
              - when: {field: ticket.category, op: eq, value: billing}
                result: billing
            default: general
        rules:
          - id: P8-limit
            principle: P8
            action: refund.issue
            effect: require-approval
            obligation: supervisor-approval
            when: {field: authority.exceeded, op: eq, value: true}
          - id: P10-reason
            principle: P10
            action: refund.issue
            effect: deny
            when: {field: reason, op: empty}
        tests:
          - name: within the limit
            action: refund.issue
            input: {amount: 50, agent: {role: agent}, reason: late}
            expect: {effect: allow, violations: [], exactly: true}
          - name: above the limit
            action: refund.issue
            input: {amount: 150, agent.role: agent, reason: late}
            expect: {effect: allow-with-obligations, violations: [P8-limit], obligations: [supervisor-approval], exactly: true}
          - name: wrong on purpose
            action: refund.issue
            input: {amount: 150, agent: {role: agent}}
            expect: {effect: allow, violations: [P8-limit], exactly: true, obligations: [manager-approval]}
          - name: billing queue
            action: ticket.route
            input: {ticket: {category: billing}}
            expect: {result: billing}
          - name: wrong queue on purpose
            action: ticket.route
            input: {ticket: {category: other}}
            expect: {result: billing}
        """;

    [Fact]
    public void Passing_and_failing_cases_are_told_apart_with_reasons()
    {
        var report = PolicyTestRunner.Run(InlinePolicy.Load(Policy));

        Assert.Equal(3, report.Passed);
        Assert.Equal(2, report.Failed);
        Assert.Equal("3 passed, 2 failed", report.Summary);

        var wrong = report.Results.Single(r => r.Name == "wrong on purpose");
        Assert.False(wrong.Passed);
        Assert.Contains("expected effect allow, got deny", wrong.Failures);
        Assert.Contains(wrong.Failures, f => f.Contains("P10-reason fired too", StringComparison.Ordinal));
        Assert.Contains(wrong.Failures, f => f.Contains("manager-approval", StringComparison.Ordinal));
        Assert.Contains("effect deny", wrong.Actual, StringComparison.Ordinal);
        Assert.Contains("Rules considered", wrong.Explanation, StringComparison.Ordinal);
        Assert.True(wrong.Location.Line > 0);

        var queue = report.Results.Single(r => r.Name == "wrong queue on purpose");
        Assert.Contains("expected result billing, got general", queue.Failures);
        Assert.Empty(report.Results.Single(r => r.Name == "billing queue").Explanation);
    }

    [Fact]
    public void Given_consents_and_time_are_applied_per_case()
    {
        var policy = InlinePolicy.Load("""
            classification:
              categories:
                - id: contact
                  fields: [email]
            consent:
              purposes:
                - id: crm-sync
                  needs: [contact]
              requirements:
                - categories: [contact]
                  purpose: crm-sync
            slas:
              - id: ack
                kind: complaint-acknowledge
                within: 1h
            rules:
              - id: P1-consent
                principle: P1
                action: data.share
                when: {field: consent.granted, op: eq, value: false}
              - id: P6-ack
                principle: P6
                action: complaint.acknowledge
                effect: warn
                when: {field: sla.overdue, op: eq, value: true}
            tests:
              - name: granted
                action: data.share
                input: {subject: c, recipient: crm, purpose: crm-sync, fields: [email]}
                given: {consents: [{subject: c, purpose: crm-sync}]}
                expect: {effect: allow, exactly: true}
              - name: not granted in this case
                action: data.share
                input: {subject: c, recipient: crm, purpose: crm-sync, fields: [email]}
                expect: {effect: deny, violations: [P1-consent]}
              - name: late at the given time
                action: complaint.acknowledge
                input: {receivedAt: "2026-01-10T07:00:00Z"}
                given: {now: "2026-01-10T09:00:00Z"}
                expect: {violations: [P6-ack]}
              - name: on time at the given time
                action: complaint.acknowledge
                input: {receivedAt: "2026-01-10T08:30:00Z"}
                given: {now: "2026-01-10T09:00:00Z"}
                expect: {violations: [], exactly: true}
            """);

        var report = PolicyTestRunner.Run(policy);

        Assert.True(report.AllPassed, string.Join(Environment.NewLine, report.Results.Where(r => !r.Passed).Select(r => r + Environment.NewLine + r.Explanation)));
        Assert.Equal(4, report.Passed);
    }

    [Fact]
    public void A_policy_file_that_does_not_load_is_one_failure_naming_the_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), "sp-runner-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, "apiVersion: servicepolicy/v1\nrules: [\n");
        try
        {
            var report = PolicyTestRunner.RunFile(path);

            Assert.Equal(0, report.Passed);
            var failure = Assert.Single(report.Results);
            Assert.Contains(Path.GetFileName(path), failure.Failures[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
