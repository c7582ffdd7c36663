namespace ServicePolicy;

using ServicePolicy.Core.Model;

/// <summary>A rule that fired with effect deny, warn or require-approval, or a problem the engine found (engine.* ids).</summary>
public sealed class Violation
{
    public Violation(string ruleId, string principle, Severity severity, RuleEffect? effect, string message, string remediation)
    {
        RuleId = ruleId;
        Principle = principle;
        Severity = severity;
        Effect = effect;
        Message = message;
        Remediation = remediation;
    }

    public string RuleId { get; }

    /// <summary>P1..P10, or empty for the engine's own violations.</summary>
    public string Principle { get; }

    public Severity Severity { get; }

    /// <summary>The rule's effect; null for the engine's own violations (which deny).</summary>
    public RuleEffect? Effect { get; }

    /// <summary>The rule's message with the actual values filled in (personal values as ***).</summary>
    public string Message { get; }

    public string Remediation { get; }

    public override string ToString() =>
        $"[{RuleId}]{(Principle.Length > 0 ? " " + Principle : "")} {Severity.ToString().ToLowerInvariant()}: {Message}" + (Remediation.Length > 0 ? $" Remedy: {Remediation}" : "");
}
