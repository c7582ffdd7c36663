namespace ServicePolicy.Analyzers.Tests.Communication;

using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Communication;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>
/// SP3001 skips a file whose text holds no banned phrase, when the policy has no regular-expression
/// patterns. A literal's value is not always written out as it is in the file: escapes and literals joined
/// by <c>+</c> must still be found, and these tests pin that down under a policy without patterns.
/// </summary>
public sealed class CustomerTextPrefilterTests
{
    private const string PolicyWithoutPatterns = """
        apiVersion: servicepolicy/v1
        metadata:
          name: no-patterns
        text:
          claims:
            en: ["no risk", guaranteed]
            es: [garantizado]
        analyzers:
          customerFacingText: ["Replies.Send(body)"]
        """;

    private const string PolicyWithAQuotedPhrase = """
        apiVersion: servicepolicy/v1
        metadata:
          name: quoted-phrase
        text:
          claims:
            en: ['"free"']
        analyzers:
          customerFacingText: ["Replies.Send(body)"]
        """;

    private static Task VerifyAsync(string markup, string policy = PolicyWithoutPatterns) =>
        AnalyzerVerifier.VerifyAsync(
            new TestProject().AddSource(markup).AddPolicy(policy),
            new DiagnosticAnalyzer[] { new CustomerTextAnalyzer() });

    [Fact]
    public Task A_phrase_written_with_escape_sequences_is_found() => VerifyAsync("""
        public class Replies
        {
            public void Send(string body) { }

            public void Answer()
            {
                Send([|"Totally no\trisk"|]);
                Send([|"Precio garant\u00edzado"|]);
            }
        }
        """);

    [Fact]
    public Task A_phrase_split_across_joined_literals_is_found() => VerifyAsync("""
        public class Replies
        {
            public void Send(string body) { }

            public void Answer() => Send([|"There is no "
                + "risk"|]);
        }
        """);

    [Fact]
    public Task A_file_without_any_phrase_has_no_finding_and_one_with_a_phrase_in_a_comment_is_still_checked() => VerifyAsync("""
        public class Replies
        {
            public void Send(string body) { }

            // Never write "guaranteed" to a customer.
            public void Answer() => Send("Your parcel ships on Monday.");

            public void Other() => Send([|"Delivery guaranteed"|]);
        }
        """);

    [Fact]
    public Task A_phrase_split_across_a_literal_and_a_verbatim_literal_is_found() => VerifyAsync("""
        public class Replies
        {
            public void Send(string body) { }

            public void Answer() => Send([|"There is no " + @"risk"|]);
        }
        """);

    [Fact]
    public Task Quote_and_backslash_escapes_do_not_hide_a_phrase_and_a_literal_joined_to_a_variable_is_scanned_alone() => VerifyAsync("""
        public class Replies
        {
            public void Send(string body) { }

            public void Answer(string name)
            {
                Send($"Dear \"{name}\", your folder is C:\\Orders.");
                Send([|"Delivery \"guaranteed\": "|] + name);
                Send("Hello " + name + ", thank you.");
            }
        }
        """);

    [Fact]
    public Task A_phrase_holding_a_quote_is_found_behind_quote_escapes() => VerifyAsync("""
        public class Replies
        {
            public void Send(string body) { }

            public void Answer() => Send([|"Shipping is \"free\" today"|]);
        }
        """, PolicyWithAQuotedPhrase);
}
