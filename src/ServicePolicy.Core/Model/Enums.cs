namespace ServicePolicy.Core.Model;

// Enum members are written in YAML in kebab case: RequireApproval is "require-approval".

/// <summary>How serious a rule's violation is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
    Critical,
}

/// <summary>What a rule does when its condition holds.</summary>
public enum RuleEffect
{
    /// <summary>The action is refused.</summary>
    Deny,

    /// <summary>The action is allowed but a violation is recorded.</summary>
    Warn,

    /// <summary>The action may go ahead only with the approval named by the rule's obligation.</summary>
    RequireApproval,

    /// <summary>The action is allowed with an obligation the caller must fulfil.</summary>
    Obligation,
}

/// <summary>The sensitivity of a data category.</summary>
public enum DataLevel
{
    Personal,
    Sensitive,
    Special,
}

/// <summary>What kind of deadline an SLA sets.</summary>
public enum SlaKind
{
    FirstResponse,
    ComplaintAcknowledge,
    ComplaintResolve,
    FollowUp,
    BillingCorrection,
}

/// <summary>The outcome of a decision.</summary>
public enum DecisionEffect
{
    Allow,
    Deny,
    AllowWithObligations,
}

/// <summary>Whether a consent is in force.</summary>
public enum ConsentStatus
{
    Granted,
    Withdrawn,
}
