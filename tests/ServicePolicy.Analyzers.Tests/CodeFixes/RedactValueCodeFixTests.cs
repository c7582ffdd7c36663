namespace ServicePolicy.Analyzers.Tests.CodeFixes;

using Microsoft.CodeAnalysis.CodeFixes;
using ServicePolicy.Analyzers.CodeFixes;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Tests.Harness;
using ServicePolicy.Analyzers.Tests.Privacy;

/// <summary>The SP1002 fix: the logged value is wrapped in the policy's redaction method.</summary>
public sealed class RedactValueCodeFixTests
{
    [Fact]
    public Task A_template_argument_is_wrapped_in_the_policy_redactor_and_its_namespace_imported() =>
        CodeFixVerifier.VerifyFixAsync(
            new PersonalDataToLogAnalyzer(),
            new RedactValueCodeFixProvider(),
            """
            using Microsoft.Extensions.Logging;
            using Shop.Domain;

            public sealed class PasswordReset(ILogger<PasswordReset> logger)
            {
                public void Request(Customer customer)
                {
                    logger.LogInformation("Password reset requested for {Email}", {|SP1002:customer.Email|});
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;
            using Shop.Domain;
            using Shop.Privacy;

            public sealed class PasswordReset(ILogger<PasswordReset> logger)
            {
                public void Request(Customer customer)
                {
                    logger.LogInformation("Password reset requested for {Email}", Redact.Mask(customer.Email));
                }
            }
            """,
            PrivacyFixture.Policy,
            configure: PrivacyFixture.AddStubs);

    [Fact]
    public Task Fix_all_wraps_every_hole_and_argument_of_the_document_and_imports_once() =>
        CodeFixVerifier.VerifyFixAllAsync(
            new PersonalDataToLogAnalyzer(),
            new RedactValueCodeFixProvider(),
            """
            using Microsoft.Extensions.Logging;
            using Shop.Domain;

            public sealed class Checkout(ILogger<Checkout> logger)
            {
                public void Complete(Order order)
                {
                    logger.LogWarning($"Order {order.Id} for {{|SP1002:order.Buyer.FullName|}} <{{|SP1002:order.Buyer.Email|}}> failed");
                }

                public void Notify(Customer customer, string note)
                {
                    var phone = customer.PhoneNumber;
                    logger.LogInformation("Calling {Phone} about {Note}", {|SP1002:phone|}, note);
                    Console.WriteLine("mail: " + {|SP1002:customer.Email|});
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;
            using Shop.Domain;
            using Shop.Privacy;

            public sealed class Checkout(ILogger<Checkout> logger)
            {
                public void Complete(Order order)
                {
                    logger.LogWarning($"Order {order.Id} for {Redact.Mask(order.Buyer.FullName)} <{Redact.Mask(order.Buyer.Email)}> failed");
                }

                public void Notify(Customer customer, string note)
                {
                    var phone = customer.PhoneNumber;
                    logger.LogInformation("Calling {Phone} about {Note}", Redact.Mask(phone), note);
                    Console.WriteLine("mail: " + Redact.Mask(customer.Email));
                }
            }
            """,
            PrivacyFixture.Policy,
            configure: PrivacyFixture.AddStubs);

    [Fact]
    public Task Fix_all_works_across_the_documents_of_a_project() =>
        CodeFixVerifier.VerifyFixAllAsync(
            new PersonalDataToLogAnalyzer(),
            new RedactValueCodeFixProvider(),
            """
            using Shop.Domain;

            public static class Dump
            {
                public static void Print(Customer customer) => Console.WriteLine({|SP1002:customer.FullName|});
            }
            """,
            """
            using Shop.Domain;
            using Shop.Privacy;

            public static class Dump
            {
                public static void Print(Customer customer) => Console.WriteLine(Redact.Mask(customer.FullName));
            }
            """,
            PrivacyFixture.Policy,
            FixAllScope.Project,
            configure: project =>
            {
                PrivacyFixture.AddStubs(project);
                project.AddSource("""
                    using Shop.Domain;

                    public static class Dump2
                    {
                        public static void Print(Customer customer) => Console.WriteLine({|SP1002:customer.Email|});
                    }
                    """, "Other.cs");
            });

    [Fact]
    public Task An_annotated_redactor_is_used_when_the_policy_names_none() =>
        CodeFixVerifier.VerifyFixAsync(
            new PersonalDataToLogAnalyzer(),
            new RedactValueCodeFixProvider(),
            """
            using Microsoft.Extensions.Logging;

            namespace Mail;

            public static class Scrub
            {
                [Redactor]
                public static string Hide(string value) => "***";
            }

            public sealed class Inbox(ILogger<Inbox> logger)
            {
                public void Received([PersonalData("contact")] string sender) => logger.LogInformation("from {Sender}", {|SP1002:sender|});
            }
            """,
            """
            using Microsoft.Extensions.Logging;

            namespace Mail;

            public static class Scrub
            {
                [Redactor]
                public static string Hide(string value) => "***";
            }

            public sealed class Inbox(ILogger<Inbox> logger)
            {
                public void Received([PersonalData("contact")] string sender) => logger.LogInformation("from {Sender}", Scrub.Hide(sender));
            }
            """);

    [Fact]
    public async Task No_fix_is_offered_when_no_redactor_accepts_the_value()
    {
        // The redactor takes a string; a whole Customer cannot be passed to it.
        var project = PrivacyFixture.Project("""
            using Microsoft.Extensions.Logging;
            using Shop.Domain;

            public sealed class Handler(ILogger<Handler> logger)
            {
                public void Loaded(Customer customer) => logger.LogInformation("Loaded {@Customer}", customer);
            }
            """);
        var result = await AnalyzerVerifier.RunAsync(project, new PersonalDataToLogAnalyzer());
        var diagnostic = Assert.Single(result.WithId("SP1002"));

        var offered = await CodeFixProbe.OfferedTitlesAsync(project, new RedactValueCodeFixProvider(), diagnostic);
        Assert.Empty(offered);
    }
}
