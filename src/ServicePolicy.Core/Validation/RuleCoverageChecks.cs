namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// A policy with embedded tests should exercise every rule it enforces: a rule no test expects to
/// fire could be broken by the next edit and nobody would notice.
/// </summary>
public static class RuleCoverageChecks
{
    public static void Check(ValidationContext context)
    {
        var policy = context.Policy;
        if (policy.Tests.Count == 0)
        {
            return;
        }

        var expected = new HashSet<string>(policy.Tests.SelectMany(t => t.Expect.Violations), StringComparer.Ordinal);
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
}
