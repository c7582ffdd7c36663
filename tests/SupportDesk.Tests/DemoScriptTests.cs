namespace SupportDesk.Tests;

using SupportDesk.Demo;

/// <summary>
/// The second half of the README's main command (`--demo`) played against a test desk: every
/// scripted answer is the expected one and the transcript shows the decisions. demo.sh itself is
/// run by .ci/run.
/// </summary>
public sealed class DemoScriptTests
{
    [Fact]
    public async Task The_scripted_demo_gets_every_expected_answer_and_prints_each_refusals_explanation()
    {
        await using var desk = await TestDesk.StartAsync();
        var output = new StringWriter();

        var exitCode = await new DemoScript(desk.Client, output, desk.Get<TimeProvider>()).RunAsync();

        var transcript = output.ToString();
        Assert.True(exitCode == 0, transcript);
        Assert.Contains("Policy in force: service-ethics", transcript);
        Assert.Contains("=> 403 Forbidden", transcript);
        Assert.Contains("violation P1-share-needs-consent [P1]", transcript);
        Assert.Contains("violation P1-withdrawn-consent [P1]", transcript);
        Assert.Contains("same queue and priority for both: billing/high", transcript);
        Assert.Contains("violation P3-no-exaggerated-claims [P3]", transcript);
        Assert.Contains("violation P7-no-disrespectful-language [P7]", transcript);
        Assert.Contains("obligation supervisor-approval (do not proceed until approved)", transcript);
        Assert.Contains("=> 409 Conflict", transcript);
        Assert.Contains("violation P4-followup-within-sla [P4]", transcript);
        Assert.Contains("every answer as expected", transcript);
        Assert.DoesNotContain("UNEXPECTED", transcript);
    }
}
