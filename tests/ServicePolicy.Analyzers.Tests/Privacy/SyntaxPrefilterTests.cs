namespace ServicePolicy.Analyzers.Tests.Privacy;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Privacy.Flow;
using ServicePolicy.Analyzers.Tests.Harness;
using ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// SP1001 and SP1002 bind only the bodies that call a method whose name may be a sink (the syntax
/// pre-filter that keeps them cheap in a build). These tests pin down the shapes where a sink is called
/// under a name the policy does not spell out: the filter must let each of them through, and the rules
/// must still report. They also cover code the rules now find from syntax themselves: top-level
/// statements, and code marked [GeneratedCode], which is skipped.
/// </summary>
public sealed class SyntaxPrefilterTests
{
    private const string Usings = PrivacyFixture.LoggingAndIntegrationUsings;

    private static Task VerifyAsync(DiagnosticAnalyzer analyzer, TestProject project) =>
        AnalyzerVerifier.VerifyAsync(project, new[] { analyzer });

    [Fact]
    public Task Top_level_statements_are_analysed() =>
        VerifyAsync(new PersonalDataToLogAnalyzer(), new TestProject { OutputKind = OutputKind.ConsoleApplication }
            .AddSource(Usings + """
                ILogger logger = null!;
                var customer = new Customer { Email = "ana@example.com" };
                logger.LogInformation("Created {Email}", {|SP1002:customer.Email|});
                var customers = new List<Customer> { customer };
                customers.ForEach(c => Console.WriteLine({|SP1002:c.PhoneNumber|}));
                """, "Program.cs")
            .AddSource(PrivacyFixture.Stubs, "Stubs.cs")
            .AddPolicy(PrivacyFixture.Policy));

    [Fact]
    public Task Code_marked_generated_is_skipped_like_the_driver_skips_it() =>
        VerifyAsync(new PersonalDataToLogAnalyzer(), PrivacyFixture.Project(Usings + """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public sealed class GeneratedClient(ILogger logger)
            {
                public void Send(Customer customer) => logger.LogInformation("{Email}", customer.Email);
            }

            public sealed class Handwritten(ILogger logger)
            {
                public void Send(Customer customer) => logger.LogInformation("{Email}", {|SP1002:customer.Email|});
            }
            """));

    [Fact]
    public Task A_chain_of_helpers_across_files_is_followed_to_the_sink() =>
        VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), PrivacyFixture.Project(Usings + """
            public sealed class Signup(Relay relay)
            {
                public void Done(Customer customer) => relay.Forward({|SP1001:customer.Email|});
            }
            """)
            .AddSource(Usings + """
                public sealed class Relay(Outbox outbox)
                {
                    public void Forward(string value) => outbox.Enqueue(value.Trim());
                }
                """, "Relay.cs")
            .AddSource(Usings + """
                public sealed class Outbox(IPartnerCrmClient crm)
                {
                    public void Enqueue(string item) => crm.Upsert(item);
                }
                """, "Outbox.cs"));

    [Fact]
    public Task Every_method_of_a_type_marked_as_a_sink_is_a_sink_even_one_declared_by_a_derived_type() =>
        VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), PrivacyFixture.Project(Usings + """
            [ThirdPartySink("mailer")]
            public interface IMailer
            {
                void Send(string to);
            }

            public class Mailer : IMailer
            {
                public void Send(string to) { }
            }

            public sealed class BulkMailer : Mailer
            {
                public void Blast(string to) { }
            }

            public sealed class Campaign(BulkMailer mailer)
            {
                public void Run(Customer customer) => mailer.Blast({|SP1001:customer.Email|});
            }
            """));

    [Fact]
    public Task A_pattern_naming_every_method_of_a_type_covers_its_extension_methods() =>
        VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), PrivacyFixture.Project(Usings + """
            namespace Shop.Partners
            {
                public sealed class Courier
                {
                    public void Book(string address) { }
                }

                public static class CourierExtensions
                {
                    public static void Notify(this Courier courier, string contact) { }
                }

                public sealed class Dispatch(Courier courier)
                {
                    public void Ship(Customer customer)
                    {
                        courier.Book("Main street 1");
                        courier.Notify({|SP1001:customer.PhoneNumber|});
                    }
                }
            }
            """, PrivacyFixture.Policy.Replace(
                "  thirdPartySinks:\n",
                "  thirdPartySinks:\n    - method: \"Shop.Partners.Courier.*\"\n      recipient: courier\n",
                StringComparison.Ordinal).Replace(
                "recipients:\n",
                "recipients:\n  - id: courier\n    kind: processor\n    purposes: [crm-sync]\n    agreement: Delivery contract\n",
                StringComparison.Ordinal)));

    [Fact]
    public void The_filter_takes_method_names_from_the_policy_patterns()
    {
        var filter = Filter("""
            public sealed class Nothing { }
            """, """
            analyzers:
              thirdPartySinks:
                - method: "Acme.Crm.Client.Push"
                - method: "*.Webhooks.*Async"
              logSinks:
                - method: "Audit"
            """);

        Assert.False(filter.MatchesEverything);
        Assert.True(filter.Matches("Push"));
        Assert.True(filter.Matches("PostAsync"));
        Assert.True(filter.Matches("Audit"));
        Assert.True(filter.Matches("LogInformation")); // built-in: LoggerExtensions.Log*
        Assert.True(filter.Matches("WriteLine"));      // built-in: Console.WriteLine
        Assert.False(filter.Matches("Client"));
        Assert.False(filter.Matches("Pusher"));
        Assert.False(filter.Matches("Compute"));
    }

    [Fact]
    public void The_filter_adds_methods_that_call_a_sink_to_a_fixed_point_and_nothing_else()
    {
        var filter = Filter("""
            using Microsoft.Extensions.Logging;
            public sealed class A(ILogger logger)
            {
                public void First(string value) => Second(value);
                public void Second(string value) => Third(value, 1);
                public void Third(string value, int times) => logger.LogInformation(value);
                public int Unrelated(int x) => x + Helper(x);
                private static int Helper(int y) => y * 2;
            }
            """, null);

        Assert.True(filter.Matches("Third"));
        Assert.True(filter.Matches("Second"));
        Assert.True(filter.Matches("First"));
        Assert.False(filter.Matches("Unrelated"));
        Assert.False(filter.Matches("Helper"));
    }

    [Fact]
    public void The_filter_follows_annotations_and_logger_message_methods_in_source()
    {
        var filter = Filter("""
            using Microsoft.Extensions.Logging;
            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signed up {Email}")]
                static partial void SignedUp(ILogger logger, string email);
            }

            public sealed class Exporter
            {
                public void Export([ThirdPartySink("exporter")] string payload) { }
            }
            """, null);

        Assert.True(filter.Matches("SignedUp"));
        Assert.True(filter.Matches("Export"));
    }

    [Fact]
    public void A_pattern_whose_method_part_is_unbounded_turns_the_filter_off()
    {
        var filter = Filter("public sealed class Nothing { }", """
            analyzers:
              thirdPartySinks:
                - method: "*.CrmClient*"
            """);

        Assert.True(filter.MatchesEverything);
        Assert.True(filter.Matches("Anything"));
    }

    [Fact]
    public void A_body_is_kept_for_an_implicit_call_only_when_that_call_may_be_a_sink()
    {
        const string Source = """
            public sealed class Batch : System.Collections.IEnumerable
            {
                public void Add(string item) { }
                public System.Collections.IEnumerator GetEnumerator() => null!;
            }

            public sealed class Uses
            {
                public Batch Fill(string email) => new Batch { email };
                public IEnumerable<int> Query(int[] xs) => from x in xs where x > 1 select x;
            }
            """;
        var withAdd = Filter(Source, """
            analyzers:
              thirdPartySinks:
                - method: "Batch.Add"
            """);
        var without = Filter(Source, null);

        var (fill, query) = Bodies(Source);
        Assert.True(withAdd.MayReachSink(fill));
        Assert.False(withAdd.MayReachSink(query));
        Assert.False(without.MayReachSink(fill));
        Assert.False(without.MayReachSink(query));
    }

    private static (SyntaxNode Fill, SyntaxNode Query) Bodies(string source)
    {
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source).GetRoot();
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);
        return (methods["Fill"], methods["Query"]);
    }

    private static SinkNameFilter Filter(string source, string? analyzersSection)
    {
        var policy = analyzersSection == null ? null : "apiVersion: servicepolicy/v1\nmetadata:\n  name: filter\n" + analyzersSection;
        var (context, _) = ClassifierTestHelper.Create(source, policy);
        return SinkNameFilter.Build(context, CancellationToken.None);
    }
}
