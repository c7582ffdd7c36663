namespace SupportDesk.Logging;

using ServicePolicy.Annotations;

/// <summary>
/// Masks personal data before it reaches a log (P1, the policy's redact-in-logs obligation). The
/// analyzers accept a value that went through a [Redactor] method; anything else that is personal
/// data and reaches a logger is reported (SP1002).
/// </summary>
public static class Redactor
{
    /// <summary>j***@example.com: enough for a support engineer to recognise the address, not to use it.</summary>
    [Redactor]
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary>Keeps the initials only: "María López" becomes "M. L.".</summary>
    [Redactor]
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + "."));
    }
}
