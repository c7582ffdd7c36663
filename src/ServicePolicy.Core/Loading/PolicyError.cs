namespace ServicePolicy.Core.Loading;

using ServicePolicy.Core.Model;

public enum ErrorSeverity
{
    Error,
    Warning,
}

/// <summary>A problem found in a policy, with where it is and, when one fits, a hint to fix it.</summary>
public sealed class PolicyError
{
    public PolicyError(string code, string message, SourceLocation location, string? hint = null, ErrorSeverity severity = ErrorSeverity.Error)
    {
        Code = code;
        Message = message;
        Location = location;
        Hint = hint;
        Severity = severity;
    }

    /// <summary>A stable, kebab-case name of the kind of problem (unknown-key, duplicate-id...).</summary>
    public string Code { get; }

    /// <summary>A plain-language sentence for the person who edits the policy.</summary>
    public string Message { get; }

    public SourceLocation Location { get; }

    /// <summary>A suggestion ("Did you mean `severity`?"), or null.</summary>
    public string? Hint { get; }

    public ErrorSeverity Severity { get; }

    public bool IsError => Severity == ErrorSeverity.Error;

    /// <summary><c>file:line:column: error code: message hint</c>, the form build tools parse.</summary>
    public override string ToString()
    {
        var kind = Severity == ErrorSeverity.Error ? "error" : "warning";
        var hint = Hint == null ? "" : " " + Hint;
        return $"{Location}: {kind} {Code}: {Message}{hint}";
    }
}

/// <summary>Error codes, one per kind of problem.</summary>
public static class PolicyErrorCodes
{
    public const string YamlSyntax = "yaml-syntax";
    public const string LimitExceeded = "limit-exceeded";
    public const string UnknownKey = "unknown-key";
    public const string DuplicateKey = "duplicate-key";
    public const string WrongType = "wrong-type";
    public const string MissingKey = "missing-key";
    public const string InvalidValue = "invalid-value";
    public const string UnsupportedVersion = "unsupported-version";
    public const string DuplicateId = "duplicate-id";
    public const string UnknownPrinciple = "unknown-principle";
    public const string UnknownOperator = "unknown-operator";
    public const string UnknownAction = "unknown-action";
    public const string UnknownField = "unknown-field";
    public const string UnknownCategory = "unknown-category";
    public const string UnknownPurpose = "unknown-purpose";
    public const string UnknownProtectedAttribute = "unknown-protected-attribute";
    public const string UnknownRule = "unknown-rule";
    public const string UnknownRecipient = "unknown-recipient";
    public const string IncompleteRecipient = "incomplete-recipient";
    public const string UntestedRule = "untested-rule";
    public const string SpendInServiceQuality = "spend-in-service-quality";
    public const string InvalidRegex = "invalid-regex";
    public const string UnsafeRegex = "unsafe-regex";
    public const string BadCondition = "bad-condition";
    public const string TemplateField = "unknown-template-field";
    public const string ProtectedAttributeInDecision = "protected-attribute-in-decision";
    public const string Include = "include";
    public const string InconsistentSla = "inconsistent-sla";
    public const string FileUnreadable = "file-unreadable";
    public const string NotAPolicy = "not-a-policy";
}
