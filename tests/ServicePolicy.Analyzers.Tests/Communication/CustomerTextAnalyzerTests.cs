namespace ServicePolicy.Analyzers.Tests.Communication;

using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Communication;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>SP3001: banned claims and disrespectful terms in text that reaches customers.</summary>
public sealed class CustomerTextAnalyzerTests
{
    private const string Policy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: text-tests
        text:
          claims:
            en: [guaranteed, risk-free, "no risk"]
            es: [sin riesgo, garantizado]
            it: [senza rischi]
            ru: [гарантированно]
          disrespectful:
            en: ["idiot*", stupid]
            es: [estúpido]
          promises:
            en: [we will call you back]
          patterns:
            - id: fake-scarcity
              kind: claim
              regex: "only \\d+ left"
        analyzers:
          customerFacingText:
            - "IReplySender.Send(body)"
            - "EmailComposer.Compose"
            - "Reply.Body"
        """;

    private const string Support = """
        namespace Support
        {
            public interface IReplySender
            {
                Task Send(int ticketId, string body, string internalNote);
            }

            public sealed class ReplySender : IReplySender
            {
                public Task Send(int ticketId, string body, string internalNote) => Task.CompletedTask;
            }

            public static class EmailComposer
            {
                public static string Compose(string subject, string body) => subject + body;
            }

            public class Reply
            {
                public string Body { get; set; } = "";
                public string InternalNote { get; set; } = "";
            }

            public class Notifier
            {
                public void Notify([CustomerFacingText] string message, string audit) { }
            }

            public class SmsMessage
            {
                public SmsMessage([CustomerFacingText] string text) => Text = text;
                public string Text { get; }
            }
        }
        """;

    private static Task VerifyAsync(string markup, string? policy = Policy)
    {
        var project = new TestProject().AddSource(markup).AddSource(Support, "Support.cs");
        if (policy != null)
        {
            project.AddPolicy(policy);
        }

        return AnalyzerVerifier.VerifyAsync(project, new DiagnosticAnalyzer[] { new CustomerTextAnalyzer() });
    }

    // ------------------------------------------------------------------ findings

    [Fact]
    public Task A_literal_passed_to_a_parameter_the_policy_names_is_reported() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public Task Answer(IReplySender sender) => sender.Send(1, [|"Our fix is guaranteed to work."|], "");
        }
        """);

    [Fact]
    public Task A_call_through_an_implementation_of_the_named_interface_is_reported() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public Task Answer(ReplySender sender) => sender.Send(1, [|"Totally risk-free upgrade"|], "");
        }
        """);

    [Fact]
    public Task A_spanish_claim_in_an_interpolated_string_is_reported_on_its_text_part() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public Task Answer(IReplySender sender, string name) => sender.Send(1, $"Hola {name}[|, la oferta es sin riesgo.|]", "");
        }
        """);

    [Fact]
    public Task A_constant_concatenation_is_scanned_whole() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public Task Answer(IReplySender sender) => sender.Send(1, [|"This plan carries no " + "risk at all"|], "");
        }
        """);

    [Fact]
    public Task A_local_assigned_a_literal_and_passed_on_is_reported_at_the_literal() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier, bool angry)
            {
                var text = "Thanks for writing.";
                if (angry)
                {
                    text = [|"Only an idiot would ask that."|];
                }

                notifier.Notify(text, "audit");
            }
        }
        """);

    [Fact]
    public Task Assignments_to_a_property_the_policy_names_are_reported_in_initializers_too() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public Reply Build(bool vip)
            {
                var reply = new Reply { Body = [|"Garantizado: su problema desaparece."|] };
                reply.Body = vip ? "Thank you." : [|"That was a stupid question."|];
                return reply;
            }
        }
        """);

    [Fact]
    public Task A_constructor_parameter_with_the_annotation_and_a_policy_pattern_are_reported() => VerifyAsync("""
        using Support;
        public class Offers
        {
            public SmsMessage Flash() => new SmsMessage([|"Hurry, only 3 left in stock!"|]);
        }
        """);

    [Fact]
    public Task An_annotated_property_initializer_and_getter_are_reported() => VerifyAsync("""
        public class Banner
        {
            [CustomerFacingText]
            public string Headline { get; set; } = [|"Senza rischi per te"|];

            [CustomerFacingText]
            public string Footer => [|"Это гарантированно работает"|];
        }
        """);

    [Fact]
    public Task A_method_the_policy_names_without_parameters_covers_every_text_parameter() => VerifyAsync("""
        using Support;
        public class Mailer
        {
            public string Welcome(string name) => EmailComposer.Compose("Welcome", [|"Results guaranteed, "|] + name);
        }
        """);

    [Fact]
    public Task Case_and_accents_do_not_hide_a_phrase() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier)
            {
                notifier.Notify([|"¡GARANTIZADO!"|], "");
                notifier.Notify([|"No sea estupido."|], "");
            }
        }
        """);

    [Fact]
    public Task String_format_arguments_are_scanned() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier, string name) =>
                notifier.Notify(string.Format([|"{0}, satisfaction guaranteed."|], name), "");
        }
        """);

    [Fact]
    public Task Two_phrases_in_one_literal_are_two_findings() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier) => notifier.Notify({|SP3001:[|"Guaranteed and risk-free!"|]|}, "");
        }
        """);

    [Fact]
    public Task A_mediatr_handler_replying_to_a_customer_is_checked() => VerifyAsync("""
        using Support;
        namespace Desk.Application
        {
            public record CloseTicket(int TicketId, bool Refunded);

            public sealed class CloseTicketHandler
            {
                private readonly IReplySender _sender;
                public CloseTicketHandler(IReplySender sender) => _sender = sender;

                public async Task Handle(CloseTicket command, CancellationToken cancellationToken)
                {
                    var message = command.Refunded
                        ? "Your refund is on its way."
                        : [|"No refund, stupid."|];
                    await _sender.Send(command.TicketId, message, internalNote: "closed");
                }
            }
        }
        """);

    [Fact]
    public Task A_minimal_api_lambda_and_a_controller_are_checked() => VerifyAsync("""
        using Support;
        public sealed class WebApp
        {
            public void MapPost(string pattern, Delegate handler) { }
        }

        public sealed class RepliesController
        {
            public Reply Post() => new Reply { Body = [|"Zero risk: guaranteed!"|] };

            public static void Map(WebApp app) =>
                app.MapPost("/reply", (IReplySender sender) => sender.Send(7, [|"This is risk-free."|], ""));
        }
        """);

    [Fact]
    public Task An_annotated_method_covers_its_text_parameters_and_extension_calls_are_followed() => VerifyAsync("""
        using Support;
        public static class ReplyExtensions
        {
            public static Task SendText(this IReplySender sender, [CustomerFacingText] string text) => sender.Send(0, "", text);
        }

        public class Chat
        {
            [CustomerFacingText]
            public void Say(string text, int code) { }

            public Task Run(IReplySender sender)
            {
                Say([|"You idiots broke it."|], 3);
                return sender.SendText([|"Guaranteed fix."|]);
            }
        }
        """);

    // ------------------------------------------------------------------ no findings

    [Fact]
    public Task The_same_text_in_a_parameter_that_does_not_reach_customers_is_no_finding() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public Task Answer(IReplySender sender, Notifier notifier, Reply reply)
            {
                reply.InternalNote = "customer is an idiot, refund guaranteed";
                notifier.Notify("Thanks!", "guaranteed refund per policy");
                return sender.Send(1, "We are looking into it.", "risk-free for us");
            }
        }
        """);

    [Fact]
    public Task Logs_and_console_output_are_no_finding() => VerifyAsync("""
        using Microsoft.Extensions.Logging;
        public class Worker
        {
            public void Run(ILogger logger)
            {
                logger.LogWarning("Guaranteed delivery failed for a stupid reason");
                Console.WriteLine("risk-free");
            }
        }
        """);

    [Fact]
    public Task Words_that_only_contain_a_phrase_are_no_finding() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier)
            {
                notifier.Notify("Stupidity is not the point; the idiom is clear.", "");
                notifier.Notify("Unguaranteedness aside, the riskfree plan is new.", "");
            }
        }
        """);

    [Fact]
    public Task A_promise_phrase_is_not_a_banned_claim() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier) => notifier.Notify("We will call you back tomorrow.", "");
        }
        """);

    [Fact]
    public Task Without_a_policy_nothing_is_banned() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier) => notifier.Notify("Guaranteed, you idiot.", "");
        }
        """, policy: null);

    [Fact]
    public Task A_policy_without_text_rules_finds_nothing() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier) => notifier.Notify("Guaranteed, you idiot.", "");
        }
        """, policy: "apiVersion: servicepolicy/v1\nanalyzers:\n  customerFacingText: [\"Notifier.Notify\"]\n");

    [Fact]
    public Task Interpolated_values_are_not_literals() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier, string customerWords) =>
                notifier.Notify($"You wrote: {customerWords}", "");
        }
        """);

    [Fact]
    public Task A_local_that_never_reaches_customer_text_is_no_finding() => VerifyAsync("""
        using Support;
        public class Replies
        {
            public void Answer(Notifier notifier)
            {
                var note = "guaranteed escalation";
                Console.WriteLine(note);
                notifier.Notify("We are on it.", note);
            }
        }
        """);

    [Fact]
    public Task Returns_from_ordinary_methods_and_lambdas_are_no_finding() => VerifyAsync("""
        public class Texts
        {
            public string Internal() => "guaranteed";

            [CustomerFacingText]
            public string Visible()
            {
                Func<string> internalOnly = () => "stupid";
                return internalOnly().Length > 0 ? "Hello" : "Hi";
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_skipped() => VerifyAsync("""
        // <auto-generated/>
        using Support;
        public class GeneratedReplies
        {
            public void Answer(Notifier notifier) => notifier.Notify("Guaranteed!", "");
        }
        """);

    [Fact]
    public Task Comments_and_identifiers_are_not_text() => VerifyAsync("""
        using Support;
        public class Replies
        {
            // The old text said "guaranteed"; it is gone.
            public void Answer(Notifier notifier, string stupid) => notifier.Notify("Thanks for your patience.", stupid);
        }
        """);

    [Fact]
    public async Task The_message_names_kind_phrase_language_and_target()
    {
        var project = new TestProject()
            .AddSource("""
                using Support;
                public class Replies
                {
                    public Task Answer(IReplySender sender) => sender.Send(1, "Todo sin riesgo", "");
                }
                """)
            .AddSource(Support, "Support.cs")
            .AddPolicy(Policy);
        var result = await AnalyzerVerifier.RunAsync(project, new CustomerTextAnalyzer());

        var diagnostic = Assert.Single(result.WithId("SP3001"));
        Assert.Equal("Customer-facing text contains the banned claim 'sin riesgo' (language 'es'; it reaches IReplySender.Send(body))", diagnostic.GetMessage());
    }
}
