namespace ServicePolicy.Cli.Diff;

using ServicePolicy.Core.Model;
using ServicePolicy.Testing;

/// <summary>A test case whose outcome differs between the old and the new policy.</summary>
public sealed record TestOutcomeChange(string Name, string From, bool PassedBefore, string ActualBefore, bool PassedAfter, string ActualAfter);

/// <summary>
/// Runs the test cases of both versions against both versions, so a reviewer sees which
/// expectations a change breaks or fixes and which decisions it alters.
/// </summary>
public static class TestImpact
{
    public static List<TestOutcomeChange> Compute(Policy oldPolicy, Policy newPolicy)
    {
        // Every case once: the new version's, then the old version's that the new one dropped or rewrote.
        var cases = new List<(PolicyTest Test, string From)>();
        cases.AddRange(newPolicy.Tests.Select(t => (t, "new")));
        var newNames = new HashSet<string>(newPolicy.Tests.Select(t => t.Name), StringComparer.Ordinal);
        cases.AddRange(oldPolicy.Tests.Where(t => !newNames.Contains(t.Name)).Select(t => (t, "old")));
        if (cases.Count == 0)
        {
            return new List<TestOutcomeChange>();
        }

        var tests = cases.Select(c => c.Test).ToList();
        var before = PolicyTestRunner.Run(oldPolicy, tests).Results;
        var after = PolicyTestRunner.Run(newPolicy, tests).Results;
        var changes = new List<TestOutcomeChange>();
        for (var i = 0; i < cases.Count && i < before.Count && i < after.Count; i++)
        {
            if (before[i].Passed != after[i].Passed || before[i].Actual != after[i].Actual)
            {
                changes.Add(new TestOutcomeChange(cases[i].Test.Name, cases[i].From, before[i].Passed, before[i].Actual, after[i].Passed, after[i].Actual));
            }
        }

        return changes;
    }
}
