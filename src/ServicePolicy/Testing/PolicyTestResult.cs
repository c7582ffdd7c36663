namespace ServicePolicy.Testing;

using ServicePolicy.Core.Model;

/// <summary>The outcome of one policy test case.</summary>
public sealed class PolicyTestResult
{
    public PolicyTestResult(PolicyTest test, bool passed, IReadOnlyList<string> failures, string expected, string actual, string explanation, Decision? decision)
    {
        Test = test;
        Passed = passed;
        Failures = failures;
        Expected = expected;
        Actual = actual;
        Explanation = explanation;
        Decision = decision;
    }

    public PolicyTest Test { get; }

    public string Name => Test.Name;

    public string Action => Test.Action;

    /// <summary>Where the case is written (file:line:column).</summary>
    public SourceLocation Location => Test.Location;

    public bool Passed { get; }

    /// <summary>Each way the decision differed from the expectation, one sentence each.</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>The expectation in one line: effect, rules, obligations, result.</summary>
    public string Expected { get; }

    /// <summary>The decision in the same form as <see cref="Expected"/>.</summary>
    public string Actual { get; }

    /// <summary>The decision's full explanation when the case failed; empty when it passed.</summary>
    public string Explanation { get; }

    public Decision? Decision { get; }

    public override string ToString() => (Passed ? "PASS " : "FAIL ") + Name + (Passed ? "" : ": " + string.Join("; ", Failures));
}

/// <summary>The results of a run of policy tests.</summary>
public sealed class PolicyTestReport
{
    public PolicyTestReport(IReadOnlyList<PolicyTestResult> results) => Results = results;

    public IReadOnlyList<PolicyTestResult> Results { get; }

    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => !r.Passed);

    public bool AllPassed => Failed == 0;

    /// <summary>"N passed, N failed", the last line of <c>servicepolicy test</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}
