namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// A policy with embedded tests should exercise every rule it enforces: a rule no test expects to
/// fire could be broken by the next edit and nobody would notice. The cases of the tests file
/// beside the policy (`name.tests.yaml`) count too.
/// </summary>
public static class RuleCoverageChecks
{
    public static void Check(ValidationContext context)
    {
        var policy = context.Policy;
        var tests = policy.Tests.Concat(TestsBeside(policy)).ToList();
        if (tests.Count == 0)
        {
            return;
        }

        var expected = new HashSet<string>(tests.SelectMany(t => t.Expect.Violations), StringComparer.Ordinal);
        foreach (var rule in policy.Rules)
        {
            if (rule.Enabled && rule.Id.Length > 0 && !expected.Contains(rule.Id))
            {
                context.Warning(
                    PolicyErrorCodes.UntestedRule,
                    $"No test of this policy expects the rule `{rule.Id}` to fire, so nothing shows that it works.",
                    rule.LocationOf("id"),
                    "Add a test under `tests` whose `expect.violations` names the rule, and one where it does not fire.");
            }
        }
    }

    private static IEnumerable<PolicyTest> TestsBeside(Policy policy)
    {
        if (policy.SourceFiles.Count == 0)
        {
            return Enumerable.Empty<PolicyTest>();
        }

        var root = policy.SourceFiles[0];
        var stem = Path.Combine(Path.GetDirectoryName(root) ?? "", Path.GetFileNameWithoutExtension(root));
        foreach (var suffix in PolicyTestFileLoader.Suffixes)
        {
            try
            {
                if (File.Exists(stem + suffix))
                {
                    var loaded = PolicyTestFileLoader.LoadFile(stem + suffix);
                    return loaded.File?.Tests ?? Enumerable.Empty<PolicyTest>();
                }
            }
            catch (IOException)
            {
                // An unreadable tests file is reported when it is run; here it only shows no cases.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Enumerable.Empty<PolicyTest>();
    }
}
