namespace ServicePolicy;

/// <summary>
/// Something the caller must do for an allowed action to comply: drop fields, redact, request
/// feedback, or obtain an approval. Approval obligations come from require-approval rules: the
/// caller must NOT carry out the action until the approval is obtained.
/// </summary>
public sealed class Obligation
{
    public Obligation(string name, string ruleId, string message, IReadOnlyDictionary<string, object?> details, bool isApproval)
    {
        Name = name;
        RuleId = ruleId;
        Message = message;
        Details = details;
        IsApproval = isApproval;
    }

    /// <summary>The obligation's name as the policy writes it (drop-unneeded-fields, supervisor-approval...).</summary>
    public string Name { get; }

    public string RuleId { get; }

    public string Message { get; }

    /// <summary>The values the rule tested or names in its message, e.g. <c>fields.unneeded</c> = the fields to drop (personal values as ***).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>True when the action may go ahead only after someone approves it.</summary>
    public bool IsApproval { get; }

    public override string ToString()
    {
        var details = string.Join("; ", Details.Select(d => $"{d.Key} = {Format(d.Value)}"));
        return $"{Name} ({RuleId}): {Message}" + (details.Length > 0 ? $" [{details}]" : "");
    }

    internal static string Format(object? value) => value switch
    {
        null => "(none)",
        string text => text,
        IEnumerable<object?> items => "[" + string.Join(", ", items.Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
