namespace ServicePolicy.Cli.Docs;

using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers;

/// <summary>
/// What the analyzers check of each principle in C# code while it compiles, with the analyzers' own titles,
/// so a reviewer sees which principles the build enforces and which only the engine at run time.
/// </summary>
public static class BuildTimeChecks
{
    private static readonly IReadOnlyDictionary<string, DiagnosticDescriptor[]> ByPrinciple = new Dictionary<string, DiagnosticDescriptor[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["P1"] = new[] { Descriptors.SP1001PersonalDataToThirdParty, Descriptors.SP1002PersonalDataToLog },
        ["P2"] = new[] { Descriptors.SP2001ProtectedAttributeInDecision },
        ["P3"] = new[] { Descriptors.SP3001BannedPhraseInCustomerText },
        ["P7"] = new[] { Descriptors.SP3001BannedPhraseInCustomerText },
        // An invalid policy fails the build, so no app runs on a policy nobody can audit.
        ["P10"] = new[] { Descriptors.SP9001PolicyInvalid },
    };

    /// <summary>The analyzer diagnostics of a principle; empty when it is enforced at run time only.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> For(string principle) =>
        ByPrinciple.TryGetValue(principle, out var descriptors) ? descriptors : Array.Empty<DiagnosticDescriptor>();

    /// <summary>"SP1001 (Personal data reaches ...)", joined; "none: checked at run time only" when there is none.</summary>
    public static string Describe(string principle)
    {
        var checks = For(principle);
        return checks.Count == 0
            ? "none: checked at run time only"
            : string.Join("; ", checks.Select(d => $"`{d.Id}` {d.Title}"));
    }
}
