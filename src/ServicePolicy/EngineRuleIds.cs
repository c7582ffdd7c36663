namespace ServicePolicy;

/// <summary>The ids of the violations the engine itself raises.</summary>
public static class EngineRuleIds
{
    /// <summary>The input is not an object, or a field has a value of the wrong type.</summary>
    public const string BadInput = "engine.bad-input";

    /// <summary>A field the action cannot be decided without is missing.</summary>
    public const string MissingField = "engine.missing-field";

    /// <summary>The action is not known to the policy.</summary>
    public const string UnknownAction = "engine.unknown-action";

    /// <summary>The policy could not be loaded; the engine fails closed.</summary>
    public const string PolicyNotLoaded = "engine.policy-not-loaded";

    /// <summary>A decision (routing, pricing...) received a protected attribute or proxy, and no rule of the policy handles it.</summary>
    public const string ProtectedInput = "engine.protected-input";

    /// <summary>Evaluation failed (a regular expression timed out, a consent store threw).</summary>
    public const string EvaluationError = "engine.evaluation-error";

    /// <summary>A text or a list of the input is larger than the policy's <c>limits</c> allow.</summary>
    public const string InputTooLarge = "engine.input-too-large";

    /// <summary>The decision took longer than its time budget, so its rules could not all be checked.</summary>
    public const string TimeBudgetExceeded = "engine.time-budget-exceeded";
}
