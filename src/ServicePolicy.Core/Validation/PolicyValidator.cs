namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Checks a bound (and merged) policy as a whole: references between its parts, the fields its
/// rules test, regular expressions, messages, tests, SLAs, and fairness of the policy itself.
/// Every problem is reported; none stops the others. Syntax, unknown keys, types and duplicate
/// ids are found earlier, by the reader, the binder and the merger.
/// </summary>
public static class PolicyValidator
{
    public static void Validate(Policy policy, List<PolicyError> errors, int maxErrors = 500)
    {
        var context = new ValidationContext(policy, errors, maxErrors);
        ClassificationChecks.Check(context);
        ConsentChecks.Check(context);
        RecipientChecks.Check(context);
        ActionChecks.Check(context);
        RuleChecks.Check(context);
        RoutingChecks.Check(context);
        TextChecks.Check(context);
        SlaChecks.Check(context);
        AuthorityChecks.Check(context);
        AnalyzerChecks.Check(context);
        TestCaseChecks.Check(context);
        LimitChecks.Check(context);
        RuleCoverageChecks.Check(context);
        EqualTreatmentChecks.Check(context);
    }
}
