namespace ServicePolicy.Evaluation;

/// <summary>Something wrong with the input or the evaluation, turned into an engine.* violation that denies.</summary>
internal sealed class EvaluationProblem
{
    public EvaluationProblem(string ruleId, string message, string remediation)
    {
        RuleId = ruleId;
        Message = message;
        Remediation = remediation;
    }

    public string RuleId { get; }

    public string Message { get; }

    public string Remediation { get; }
}
