namespace ServicePolicy.Hosting;

using Microsoft.Extensions.Options;

/// <summary>
/// Checks <see cref="ServicePolicyOptions"/> when they are first used (and at start-up with
/// <c>ValidateOnStart</c>), so that a wrong setting is reported as such rather than as an exception
/// from deep inside the container.
/// </summary>
public sealed class ServicePolicyOptionsValidator : IValidateOptions<ServicePolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, ServicePolicyOptions options)
    {
        if (options == null)
        {
            return ValidateOptionsResult.Fail("ServicePolicyOptions are missing.");
        }

        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with the options, each naming the setting and what it should be.</summary>
    public static IEnumerable<string> Problems(ServicePolicyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PolicyPath))
        {
            yield return "ServicePolicyOptions.PolicyPath is empty: set it to the policy file (for example \"servicepolicy.yaml\").";
        }
        else if (options.PolicyPath.IndexOf('\0') >= 0 || options.PolicyPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return "ServicePolicyOptions.PolicyPath contains a character that cannot be in a path (such as NUL): set it to the policy file.";
        }

        if (options.ReloadDelay < TimeSpan.Zero)
        {
            yield return $"ServicePolicyOptions.ReloadDelay is negative ({options.ReloadDelay}): use zero or more.";
        }

        if (options.SettlePeriod < TimeSpan.Zero)
        {
            yield return $"ServicePolicyOptions.SettlePeriod is negative ({options.SettlePeriod}): use zero or more.";
        }

        if (options.DecisionTimeBudget <= TimeSpan.Zero && options.DecisionTimeBudget != Timeout.InfiniteTimeSpan)
        {
            yield return $"ServicePolicyOptions.DecisionTimeBudget is {options.DecisionTimeBudget}: a decision needs a positive budget.";
        }
    }
}
