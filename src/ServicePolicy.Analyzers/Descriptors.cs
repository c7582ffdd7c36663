namespace ServicePolicy.Analyzers;

using Microsoft.CodeAnalysis;

/// <summary>
/// Every diagnostic the ServicePolicy analyzers report. The ids are stable, public names:
/// 1xxx privacy, 2xxx fairness, 3xxx honesty and courtesy, 9xxx configuration. Each help link
/// points at <c>docs/rules/SPxxxx.md</c>.
/// </summary>
public static class Descriptors
{
    /// <summary>The category of the rules about application code; one editorconfig line can raise them all.</summary>
    public const string RulesCategory = "ServicePolicy";

    /// <summary>The category of the diagnostics about the policy file and the analyzers themselves.</summary>
    public const string ConfigurationCategory = "ServicePolicy.Configuration";

    private const string HelpBase = "https://github.com/servicepolicy/servicepolicy/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor SP1001PersonalDataToThirdParty = new(
        id: "SP1001",
        title: "Personal data reaches a third-party sink with no consent check before it",
        messageFormat: "{0} reaches third-party sink {1} (recipient '{2}') without a consent check that guards it",
        category: RulesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Principle P1 (privacy and confidentiality): no personal data is shared without the customer's consent for that purpose and recipient. A consent check guards a sink only when the sink runs only if the check returned true.",
        helpLinkUri: HelpLink("SP1001"));

    public static readonly DiagnosticDescriptor SP1002PersonalDataToLog = new(
        id: "SP1002",
        title: "Personal data written to a log unredacted",
        messageFormat: "{0} is written to log sink {1} without redaction",
        category: RulesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Principle P1 (privacy and confidentiality): logs are read by many people and kept for long; personal data written to them must pass through a redaction method first.",
        helpLinkUri: HelpLink("SP1002"));

    public static readonly DiagnosticDescriptor SP2001ProtectedAttributeInDecision = new(
        id: "SP2001",
        title: "Protected attribute used in a decision context",
        messageFormat: "{0} ({1}) is read in {2} decision context {3}",
        category: RulesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Principle P2 (fair and equal treatment): protected attributes such as gender, ethnicity, age or religion, and data that stands in for them, must never decide routing, prioritisation, pricing or eligibility.",
        helpLinkUri: HelpLink("SP2001"));

    public static readonly DiagnosticDescriptor SP3001BannedPhraseInCustomerText = new(
        id: "SP3001",
        title: "Banned claim or disrespectful term in customer-facing text",
        messageFormat: "Customer-facing text contains the {0} '{1}'{2}",
        category: RulesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Principles P3 (honesty and transparency) and P7 (courtesy and respect): text a customer reads must not contain the exaggerated claims or disrespectful words the policy bans, in any of its languages.",
        helpLinkUri: HelpLink("SP3001"));

    /// <summary>
    /// A problem in the policy file, at its line and column. Policy errors use the default
    /// severity (Error); loader warnings are reported with the effective severity Warning.
    /// </summary>
    public static readonly DiagnosticDescriptor SP9001PolicyInvalid = new(
        id: "SP9001",
        title: "The policy file is invalid",
        messageFormat: "Policy problem ({0}): {1}",
        category: ConfigurationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The ServicePolicy policy given to the compiler as an AdditionalFiles item could not be read as written. The analyzers check code only against what the policy says, so a broken policy weakens every other rule.",
        helpLinkUri: HelpLink("SP9001"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SP9002NoPolicy = new(
        id: "SP9002",
        title: "No policy file found",
        messageFormat: "No ServicePolicy policy found among the AdditionalFiles: add <AdditionalFiles Include=\"servicepolicy.yaml\" /> (or a *.policy.yaml file, or set the ServicePolicyFile property); only annotations are checked",
        category: ConfigurationCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Without a policy the analyzers can only use the ServicePolicy.Annotations attributes in the code; bindings by name, banned phrases and consent requirements come from the policy.",
        helpLinkUri: HelpLink("SP9002"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SP9003AnalyzerFailure = new(
        id: "SP9003",
        title: "A ServicePolicy analyzer failed internally",
        messageFormat: "ServicePolicy analyzer {0} failed while analyzing {1}: {2}: {3}",
        category: ConfigurationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An analyzer hit an unexpected condition. The failure is contained: the rest of the code is still analyzed, but this spot was not. Please report it with the code shown.",
        helpLinkUri: HelpLink("SP9003"));

    public static readonly DiagnosticDescriptor SP9004BodyTooLarge = new(
        id: "SP9004",
        title: "Code too large for the ServicePolicy analyzers to check",
        messageFormat: "The {0} is too large to check for {1} ({2}): it was not analysed; split it into smaller methods",
        category: ConfigurationCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The analyzers spend a bounded amount of work on each body of code so that the build stays fast on very large or generated methods. A body over the limit is skipped, and the findings it may hold are not reported.",
        helpLinkUri: HelpLink("SP9004"));

    /// <summary>Every descriptor, in id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        SP1001PersonalDataToThirdParty,
        SP1002PersonalDataToLog,
        SP2001ProtectedAttributeInDecision,
        SP3001BannedPhraseInCustomerText,
        SP9001PolicyInvalid,
        SP9002NoPolicy,
        SP9003AnalyzerFailure,
        SP9004BodyTooLarge,
    };

    private static string HelpLink(string id) => HelpBase + id + ".md";
}
