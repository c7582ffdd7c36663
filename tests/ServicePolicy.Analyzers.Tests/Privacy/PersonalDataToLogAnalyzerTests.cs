namespace ServicePolicy.Analyzers.Tests.Privacy;

using System.Globalization;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>
/// SP1002: personal data written to a log unredacted, through ILogger (templates, interpolation,
/// Log with a level), Console, Debug, Trace, a policy log sink and logging helpers; not once the
/// value went through the policy's redactor or a [Redactor] method.
/// </summary>
public sealed class PersonalDataToLogAnalyzerTests
{
    private static Task VerifyAsync(string source, string? policy = PrivacyFixture.Policy) =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), source, policy);

    private const string Usings = """
        using Microsoft.Extensions.Logging;
        using Shop.Domain;
        using Shop.Privacy;

        """;

    // ------------------------------------------------------------------ reported

    [Fact]
    public Task A_message_template_argument_is_reported_at_the_argument() =>
        VerifyAsync(Usings + """
            public sealed class PasswordReset(ILogger<PasswordReset> logger)
            {
                public void Request(Customer customer)
                {
                    logger.LogInformation("Password reset requested for {Email} ({Tier})", {|SP1002:customer.Email|}, customer.Tier);
                }
            }
            """);

    [Fact]
    public Task Each_hole_of_an_interpolated_string_is_reported_on_its_own() =>
        VerifyAsync(Usings + """
            public sealed class Checkout(ILogger<Checkout> logger)
            {
                public void Complete(Order order)
                {
                    logger.LogWarning($"Order {order.Id} for {{|SP1002:order.Buyer.FullName|}} <{{|SP1002:order.Buyer.Email|}}> failed");
                }
            }
            """);

    [Fact]
    public Task Log_with_a_level_and_an_exception_is_reported() =>
        VerifyAsync(Usings + """
            public sealed class Importer(ILogger logger)
            {
                public void Fail(Customer customer, Exception error)
                {
                    logger.Log(LogLevel.Error, error, "Import failed for {Phone}", {|SP1002:customer.PhoneNumber|});
                }
            }
            """);

    [Fact]
    public Task Console_Debug_and_Trace_are_log_sinks() =>
        VerifyAsync(Usings + """
            using System.Diagnostics;

            public static class Tracing
            {
                public static void Dump(Customer customer)
                {
                    Console.WriteLine("customer: " + {|SP1002:customer.Email|});
                    Debug.WriteLine({|SP1002:customer.FullName|});
                    Trace.TraceInformation($"phone {{|SP1002:customer.PhoneNumber|}}");
                }
            }
            """);

    [Fact]
    public Task A_log_sink_named_in_the_policy_is_reported() =>
        VerifyAsync(Usings + """
            using Shop.Diagnostics;

            public static class Audit
            {
                public static void Changed(Customer customer) => AuditTrail.Write($"e-mail changed to {{|SP1002:customer.Email|}}");
            }
            """);

    [Fact]
    public Task Data_that_flows_through_locals_and_a_string_builder_is_reported_where_it_is_logged() =>
        VerifyAsync(Usings + """
            using System.Text;

            public sealed class Report(ILogger<Report> logger)
            {
                public void Write(Customer customer)
                {
                    var contact = customer.Email;
                    var text = new StringBuilder().Append("contact=").Append(contact);
                    logger.LogDebug({|SP1002:text.ToString()|});
                }
            }
            """);

    [Fact]
    public Task A_whole_customer_object_in_a_template_is_reported() =>
        VerifyAsync(Usings + """
            public sealed class Handler(ILogger<Handler> logger, ICustomerRepository customers)
            {
                public async Task HandleAsync(Guid id, CancellationToken ct)
                {
                    var customer = await customers.FindAsync(id, ct);
                    logger.LogInformation("Loaded {@Customer}", {|SP1002:customer|});
                }
            }
            """);

    [Fact]
    public Task A_logging_helper_makes_its_callers_log_sinks() =>
        VerifyAsync(Usings + """
            public sealed class AppLog(ILogger<AppLog> logger)
            {
                public void Info(string message) => logger.LogInformation(message);
            }

            public sealed class Signup(AppLog log)
            {
                public void Done(Customer customer) => log.Info($"signed up: {{|SP1002:customer.Email|}}");
            }
            """);

    [Fact]
    public Task Data_captured_by_a_lambda_is_reported_inside_it() =>
        VerifyAsync(Usings + """
            public sealed class Batch(ILogger<Batch> logger)
            {
                public void Run(List<Customer> customers)
                {
                    customers.ForEach(c => logger.LogTrace("processing {Name}", {|SP1002:c.FullName|}));
                    var first = customers.Select(c => c.Email).FirstOrDefault();
                    Task.Run(() => logger.LogInformation("first: {Email}", {|SP1002:first|}));
                }
            }
            """);

    [Fact]
    public Task A_parameter_annotated_as_personal_data_is_reported_without_a_policy() =>
        VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class Inbox(ILogger<Inbox> logger)
            {
                public void Received([PersonalData("contact")] string senderAddress, string subject)
                {
                    logger.LogInformation("Mail from {Sender}: {Subject}", {|SP1002:senderAddress|}, subject);
                }
            }
            """, policy: null);

    [Fact]
    public async Task The_message_names_the_data_and_the_log_sink()
    {
        var project = PrivacyFixture.Project(Usings + """
            public sealed class Signup(ILogger<Signup> logger)
            {
                public void Done(Customer customer) => logger.LogInformation("hello {Email}", customer.Email);
            }
            """);
        var result = await AnalyzerVerifier.RunAsync(project, new PersonalDataToLogAnalyzer());

        var diagnostic = Assert.Single(result.WithId("SP1002"));
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Customer.Email", message, StringComparison.Ordinal);
        Assert.Contains("LogInformation", message, StringComparison.Ordinal);
        Assert.Contains("Shop.Privacy.Redact.Mask", diagnostic.Properties["Redactors"], StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ not reported

    [Fact]
    public Task A_value_passed_through_the_policy_redactor_may_be_logged() =>
        VerifyAsync(Usings + """
            public sealed class PasswordReset(ILogger<PasswordReset> logger)
            {
                public void Request(Customer customer)
                {
                    logger.LogInformation("Password reset requested for {Email}", Redact.Mask(customer.Email));
                    var masked = Redact.Mask(customer.PhoneNumber);
                    logger.LogInformation($"and phone {masked}");
                }
            }
            """);

    [Fact]
    public Task A_method_marked_Redactor_redacts_too() =>
        VerifyAsync(Usings + """
            public static class Privacy
            {
                [Redactor]
                public static string Hash(string value) => value.GetHashCode().ToString("x");
            }

            public sealed class Login(ILogger<Login> logger)
            {
                public void Failed(Customer customer) => logger.LogWarning("Failed login for {User}", Privacy.Hash(customer.Email));
            }
            """);

    [Fact]
    public Task Ids_and_other_unclassified_members_may_be_logged() =>
        VerifyAsync(Usings + """
            public sealed class Checkout(ILogger<Checkout> logger)
            {
                public void Complete(Order order, Customer customer)
                {
                    logger.LogInformation("Order {OrderId} of customer {CustomerId} ({Tier}) total {Total}", order.Id, customer.Id, customer.Tier, order.Total);
                    logger.LogInformation($"Buyer has {order.Buyer.Email.Length} characters in the address");
                }
            }
            """);

    [Fact]
    public Task A_category_the_policy_lets_be_logged_is_not_reported() =>
        VerifyAsync(Usings + """
            public sealed class Preferences(ILogger<Preferences> logger)
            {
                public void Changed(Customer customer) => logger.LogInformation("Topics: {Topics}", customer.NewsletterTopics);
            }
            """);

    [Fact]
    public Task A_third_party_sink_is_not_a_log() =>
        VerifyAsync(Usings + """
            using Shop.Integrations;

            public sealed class Sync(IPartnerCrmClient crm)
            {
                public void Run(Customer customer) => crm.Upsert(customer.Email);
            }
            """);

    [Fact]
    public Task A_check_on_the_data_is_not_the_data() =>
        VerifyAsync(Usings + """
            public sealed class Validation(ILogger<Validation> logger)
            {
                public void Check(Customer customer)
                {
                    var missing = string.IsNullOrEmpty(customer.Email);
                    logger.LogWarning("E-mail missing: {Missing}", missing);
                    logger.LogWarning("Has phone: {HasPhone}", customer.PhoneNumber != "");
                }
            }
            """);

    [Fact]
    public Task A_logging_helper_that_redacts_its_parameter_is_not_a_sink_for_callers() =>
        VerifyAsync(Usings + """
            public sealed class SafeLog(ILogger<SafeLog> logger)
            {
                public void Contact(string address) => logger.LogInformation("contact {Address}", Redact.Mask(address));
            }

            public sealed class Signup(SafeLog log)
            {
                public void Done(Customer customer) => log.Contact(customer.Email);
            }
            """);

    [Fact]
    public Task A_consent_check_does_not_make_logging_personal_data_acceptable_but_redaction_does() =>
        VerifyAsync(Usings + """
            public sealed class Sync(ILogger<Sync> logger, IConsentService consent)
            {
                public void Run(Customer customer)
                {
                    if (!consent.HasConsent(customer.Id, "crm-sync")) return;
                    logger.LogInformation("Syncing {Email}", {|SP1002:customer.Email|});
                    logger.LogInformation("Syncing {Email}", Redact.Mask(customer.Email));
                }
            }
            """);

    [Fact]
    public Task Code_that_logs_only_literals_and_non_personal_values_is_clean() =>
        VerifyAsync(Usings + """
            public sealed class Startup(ILogger<Startup> logger)
            {
                public void Run(string environment, int port)
                {
                    logger.LogInformation("Starting in {Environment} on port {Port}", environment, port);
                    Console.WriteLine($"Listening on {port}");
                }
            }
            """);

    [Fact]
    public Task Without_a_policy_or_annotations_nothing_is_personal_data() =>
        VerifyAsync(Usings + """
            public sealed class Signup(ILogger<Signup> logger)
            {
                public void Done(Customer customer) => logger.LogInformation("hello {Email}", customer.Email);
            }
            """, policy: null);
}
