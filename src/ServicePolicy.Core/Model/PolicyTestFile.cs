namespace ServicePolicy.Core.Model;

/// <summary>
/// A file of test cases kept beside a policy (<c>service-ethics.tests.yaml</c>), so that long
/// suites do not crowd the policy itself. Cases have the same shape as a policy's <c>tests:</c>.
/// </summary>
[Help("Test cases for a policy, kept in their own file beside it. Run with `servicepolicy test`.")]
public sealed class PolicyTestFile : PolicyElement
{
    [AllowedValues("", ServicePolicy.Core.Model.Policy.CurrentApiVersion)]
    [Help("The format version; optional in a tests file.", Example = "apiVersion: servicepolicy/v1")]
    public string ApiVersion { get; set; } = "";

    [Help("The policy the cases test, relative to this file. Without it, `name.tests.yaml` tests `name.yaml` beside it.", Example = "policy: service-ethics.yaml")]
    public string Policy { get; set; } = "";

    [RequiredKey]
    [Help("The test cases: an action, its input and the decision expected.")]
    public List<PolicyTest> Tests { get; set; } = new();
}
