namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>The P5 consistency lint: deadlines that differ across channels need a reason.</summary>
public class SlaLintTests
{
    [Fact]
    public void A_channel_that_differs_without_a_reason_is_a_warning_at_its_deadline()
    {
        var yaml = Policies.With("""
            slas:
              - id: first-response-chat
                kind: first-response
                channel: chat
                within: 1h
              - id: first-response-phone
                kind: first-response
                channel: phone
                within: 1h
              - id: first-response-email
                kind: first-response
                channel: email
                within: 1d
            """);
        var result = PolicyAssert.Load(yaml);
        Assert.True(result.Succeeded);
        var warning = PolicyAssert.Single(result, PolicyErrorCodes.InconsistentSla, yaml, "1d", "The first-response deadline `first-response-email` (1d on `email`) is slower than `first-response-chat` (1h on `chat`) for every priority, and neither gives a reason");
        Assert.Equal(ErrorSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void A_reason_on_either_side_or_a_different_priority_or_kind_silences_the_lint()
    {
        var yaml = Policies.With("""
            slas:
              - id: chat
                kind: first-response
                channel: chat
                within: 1h
              - id: phone
                kind: first-response
                channel: phone
                within: 5m
                reason: the caller is waiting on the line
              - id: email
                kind: first-response
                channel: email
                within: 1h
              - id: webform
                kind: first-response
                channel: webform
                within: 1d
                reason: web forms are answered by the back office, which works one shift
              - id: email-low
                kind: first-response
                channel: email
                priority: low
                within: 3d
              - id: complaint
                kind: complaint-resolve
                within: 14d
            """);
        PolicyAssert.NoErrorWithCode(PolicyAssert.Load(yaml), PolicyErrorCodes.InconsistentSla);
    }

    [Fact]
    public void Two_deadlines_for_the_same_channel_contradict_each_other()
    {
        var yaml = Policies.With("""
            slas:
              - id: a
                kind: follow-up
                channel: phone
                within: 2h
              - id: b
                kind: follow-up
                channel: phone
                within: 4h
                reason: legacy
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.InconsistentSla, yaml, "4h", "The SLAs `a` and `b` both set the follow-up deadline for `phone` and every priority, but to different times (2h and 4h)");
    }
}
