namespace ServicePolicy.Analyzers.Tests.Privacy;

using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// Which methods the code fixes are offered (the Redactors and ConsentChecks properties): per policy
/// pattern, the usable methods whose name the pattern's member part matches, in full-name order; then
/// annotated methods; four at most.
/// </summary>
public sealed class PrivacyFixHintsTests
{
    private const string Redactors = """
        namespace Shop.Privacy
        {
            public static class Redact
            {
                public static string Mask(string value) => "***";
                public static string Hash(string value) => "#";
                public static string Email(string value, int keep = 1) => "@";
                public static string Phone(string value) => "+";
                public static string Truncate(string value) => "";

                // Not usable as redactors, and first in name order.
                public static string All() => "";
                public static void Audit(string value) { }
                private static string Buffer(string value) => value;
                public static string Cut(string value, int length) => value;
            }
        }

        namespace Shop.Reports
        {
            public sealed class Redact
            {
                public string Apply(string value) => value;
                public static string Blank(string value) => "";
            }
        }
        """;

    [Theory]
    [InlineData("\"*.Redact.*\"", "Email Hash Mask Phone")]
    [InlineData("\"Shop.Privacy.Redact.Mask\", \"*.Redact.*\"", "Mask Email Hash Phone")] // Once, for the first pattern.
    public void The_first_four_usable_redactors_come_in_policy_order_then_name_order(string patterns, string expected)
    {
        var hints = Hints(Redactors, $"redactors: [{patterns}]");

        Assert.Equal(expected.Split(' ').Select(name => "Shop.Privacy.Redact." + name), Methods(hints.Redactors));
    }

    [Fact]
    public void Candidates_come_by_member_name_so_a_broad_pattern_also_ranks_redactors_of_other_types()
    {
        // "*.Redact.*" has every method as a candidate; whether one is usable decides, and an annotated
        // redactor of another type is usable: it takes its place in name order, not after the policy's.
        var hints = Hints(Redactors + """

            namespace Audit
            {
                public static class Scrubber
                {
                    [Redactor] public static string Scrub(string value) => "";
                }
            }
            """, "redactors: [\"*.Redact.*\"]");

        Assert.Equal(
            new[] { "Audit.Scrubber.Scrub", "Shop.Privacy.Redact.Email", "Shop.Privacy.Redact.Hash", "Shop.Privacy.Redact.Mask" },
            Methods(hints.Redactors));
    }

    [Fact]
    public void Consent_checks_come_in_policy_order_then_annotated_ones()
    {
        var hints = Hints("""
            namespace Shop.Privacy
            {
                public interface IConsentService
                {
                    bool HasConsentFor(string purpose);
                    string HasConsentText(string purpose);
                }

                // Implements the check the policy names: offered too, and first in name order.
                public sealed class ConsentService : IConsentService
                {
                    public bool HasConsentFor(string purpose) => true;
                    public string HasConsentText(string purpose) => "";
                    public bool HasConsentCached(string purpose) => true;
                }

                public sealed class Gate
                {
                    public bool AllowsAll(string purpose) => true;
                    public string AllowsText(string purpose) => "";
                }

                public static class Annotated
                {
                    [ConsentCheck] public static bool Asked(string purpose) => true;
                    [ConsentCheck] public static bool Confirmed(string purpose) => true;
                }
            }
            """, "consentChecks: [\"Shop.Privacy.IConsentService.HasConsent*\", \"Shop.Privacy.Gate.Allows*\"]");

        Assert.Equal(
            new[] { "Shop.Privacy.ConsentService.HasConsentFor", "Shop.Privacy.IConsentService.HasConsentFor", "Shop.Privacy.Gate.AllowsAll", "Shop.Privacy.Annotated.Asked" },
            Methods(hints.ConsentChecks));
    }

    private static PrivacyFixHints Hints(string source, string analyzers)
    {
        var (context, _) = ClassifierTestHelper.Create(source, "apiVersion: servicepolicy/v1\nmetadata:\n  name: hints\nanalyzers:\n  " + analyzers + "\n");
        return new PrivacyFixHints(context);
    }

    /// <summary>"M:Ns.Type.Method(System.String)~System.String;..." as the methods' dotted names.</summary>
    private static string[] Methods(string property) =>
        property.Split(';').Select(id => id.Substring("M:".Length, id.IndexOf('(', StringComparison.Ordinal) - "M:".Length)).ToArray();
}
