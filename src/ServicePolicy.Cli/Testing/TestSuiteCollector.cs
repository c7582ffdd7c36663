namespace ServicePolicy.Cli.Testing;

using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>A policy and the test cases to run against it: its own, and those of tests files that name it.</summary>
public sealed class TestSuite
{
    public TestSuite(string policyPath, bool includeEmbedded)
    {
        PolicyPath = policyPath;
        IncludeEmbedded = includeEmbedded;
    }

    public string PolicyPath { get; }

    /// <summary>False when only a tests file was named: then only its cases run, not the policy's own.</summary>
    public bool IncludeEmbedded { get; }

    public List<string> TestFiles { get; } = new();

    public List<PolicyTest> ExtraTests { get; } = new();
}

/// <summary>
/// Gathers test suites from the paths on the command line. A tests file joins the suite of the
/// policy it names; a policy also picks up the tests files beside it that name it.
/// </summary>
public static class TestSuiteCollector
{
    public static (List<TestSuite> Suites, List<PolicyError> Errors) Collect(PolicyFileSet files)
    {
        var suites = new Dictionary<string, TestSuite>(StringComparer.Ordinal);
        var errors = new List<PolicyError>();
        foreach (var policy in files.Policies)
        {
            SuiteFor(suites, policy, includeEmbedded: true);
        }

        var testFiles = new List<string>(files.TestFiles);
        foreach (var folder in files.Policies.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct(StringComparer.Ordinal))
        {
            foreach (var candidate in Directory.EnumerateFiles(folder).Where(PolicyTestFileLoader.IsTestFile).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (!testFiles.Any(t => SamePath(t, candidate)))
                {
                    testFiles.Add(Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate));
                }
            }
        }

        foreach (var testFile in testFiles)
        {
            var loaded = PolicyTestFileLoader.LoadFile(testFile, null, IncludeRootOption.For(files));
            if (!loaded.Succeeded)
            {
                errors.AddRange(loaded.Errors.Where(e => e.IsError));
                continue;
            }

            var explicitlyNamed = files.TestFiles.Contains(testFile, StringComparer.Ordinal);
            var existing = suites.Values.FirstOrDefault(s => SamePath(s.PolicyPath, loaded.PolicyPath!));
            if (existing == null && !explicitlyNamed)
            {
                // A tests file found beside a policy but written for another one: not ours to run.
                continue;
            }

            if (existing == null && !File.Exists(loaded.PolicyPath))
            {
                var where = loaded.File!.HasKey("policy") ? loaded.File.LocationOf("policy") : new SourceLocation(testFile, 1, 1);
                errors.Add(new PolicyError(PolicyErrorCodes.FileUnreadable, $"The policy under test, `{Paths.Display(loaded.PolicyPath!)}`, was not found.", where, "Set `policy:` to the policy's path relative to this file."));
                continue;
            }

            var suite = existing ?? SuiteFor(suites, loaded.PolicyPath!, includeEmbedded: false);
            suite.TestFiles.Add(testFile);
            suite.ExtraTests.AddRange(loaded.File!.Tests);
        }

        return (suites.Values.ToList(), errors);
    }

    private static TestSuite SuiteFor(Dictionary<string, TestSuite> suites, string policyPath, bool includeEmbedded)
    {
        var key = Path.GetFullPath(policyPath);
        if (!suites.TryGetValue(key, out var suite))
        {
            suite = new TestSuite(Paths.Display(policyPath), includeEmbedded);
            suites[key] = suite;
        }

        return suite;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
