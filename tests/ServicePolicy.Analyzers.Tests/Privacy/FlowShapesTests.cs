namespace ServicePolicy.Analyzers.Tests.Privacy;

using ServicePolicy.Analyzers.Privacy;

/// <summary>
/// Flows that real applications take between methods: personal data a helper returns (read from a repository,
/// not passed in) reaches a sink in its caller.
/// </summary>
public sealed class FlowShapesTests
{
    private const string Usings = """
        using Microsoft.Extensions.Logging;
        using Shop.Domain;
        using Shop.Integrations;

        """;

    [Fact]
    public Task Customer_details_returned_by_a_helper_reach_a_third_party_sink_in_the_caller() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), Usings + """
            public sealed class ContactCard(ICustomerRepository customers)
            {
                public async Task<string> LineFor(Guid id)
                {
                    var customer = await customers.FindAsync(id, CancellationToken.None);
                    return customer.FullName + " <" + customer.Email + ">";
                }
            }

            public sealed class PartnerSync(ContactCard cards, IPartnerCrmClient crm)
            {
                public async Task Push(Guid id)
                {
                    var line = await cards.LineFor(id);
                    crm.Upsert({|SP1001:line|});
                }
            }
            """);

    [Fact]
    public Task A_helper_that_returns_only_what_is_not_personal_reports_nothing() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), Usings + """
            public sealed class ContactCard(ICustomerRepository customers)
            {
                public async Task<string> TierOf(Guid id)
                {
                    var customer = await customers.FindAsync(id, CancellationToken.None);
                    return customer.Tier;
                }
            }

            public sealed class PartnerSync(ContactCard cards, IPartnerCrmClient crm)
            {
                public async Task Push(Guid id) => crm.Upsert(await cards.TierOf(id));
            }
            """);

    [Fact]
    public Task A_synchronous_helper_that_returns_an_email_reaches_a_log_in_its_caller() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), Usings + """
            public sealed class Lookup(Dictionary<Guid, Customer> known)
            {
                public string EmailOf(Guid id) => known[id].Email;
            }

            public sealed class Audit(Lookup lookup, ILogger<Audit> logger)
            {
                public void Record(Guid id) => logger.LogInformation("Contacted {Email}", {|SP1002:lookup.EmailOf(id)|});
            }
            """);

    [Fact]
    public Task A_pipeline_behaviour_that_logs_the_whole_request_is_reported_when_a_request_type_carries_personal_data() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), Usings + """
            using MediatR;

            public sealed record ChangePhone(Guid CustomerId, string PhoneNumber) : IRequest<bool>;

            public sealed record ListProducts(int Page) : IRequest<int>;

            public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
                where TRequest : IRequest<TResponse>
            {
                public Task<TResponse> Handle(TRequest request, Func<Task<TResponse>> next)
                {
                    logger.LogInformation("Handling {@Request}", {|SP1002:request|});
                    return next();
                }
            }
            """);

    [Fact]
    public Task A_behaviour_constrained_to_requests_without_personal_data_and_an_unconstrained_helper_report_nothing() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), Usings + """
            public interface IQuery { }

            public sealed record ListProducts(int Page) : IQuery;

            public sealed class Unrelated
            {
                public string PhoneNumber { get; set; } = "";
            }

            public sealed class QueryLogger<TQuery>(ILogger<QueryLogger<TQuery>> logger) where TQuery : IQuery
            {
                public void Log(TQuery query) => logger.LogInformation("Query {@Query}", query);
            }

            public static class Dump
            {
                public static void Write<T>(ILogger logger, T value) => logger.LogInformation("{@Value}", value);
            }
            """);

    [Fact]
    public Task A_value_typed_as_a_base_class_is_reported_when_a_derived_type_carries_personal_data() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), Usings + """
            public abstract class Notice
            {
                public Guid Id { get; set; }
            }

            public sealed class PhoneChanged : Notice
            {
                public string PhoneNumber { get; set; } = "";
            }

            public sealed class StockLow : Notice
            {
                public int Quantity { get; set; }
            }

            public sealed class Outbox(ILogger<Outbox> logger)
            {
                public void Publish(Notice notice) => logger.LogInformation("Publishing {@Notice}", {|SP1002:notice|});

                public void PublishId(Notice notice) => logger.LogInformation("Publishing {Id}", notice.Id);
            }
            """);

    [Fact]
    public Task A_sink_passed_as_a_method_group_receives_the_collection_items() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), Usings + """
            public sealed class BulkSync(ICustomerRepository customers, IPartnerCrmClient crm)
            {
                public async Task PushAll()
                {
                    var all = await customers.ListAsync(CancellationToken.None);
                    all.ForEach({|SP1001:crm.Upsert|});
                }

                public void PushIds(List<Guid> ids) => ids.ForEach(id => crm.Upsert(id));
            }
            """);

    [Fact]
    public Task A_log_method_passed_as_a_method_group_writes_the_items() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), Usings + """
            public sealed class Export
            {
                public void Print(List<Customer> customers) => customers.Select(c => c.Email).ToList().ForEach({|SP1002:Console.WriteLine|});

                public void PrintTiers(List<Customer> customers) => customers.Select(c => c.Tier).ToList().ForEach(Console.WriteLine);
            }
            """);

    [Fact]
    public Task What_a_helper_computes_from_an_object_holding_personal_data_is_not_personal_unless_a_personal_member_flows_into_it() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), Usings + """
            public sealed class Quote
            {
                public decimal Total { get; set; }
                public string Currency { get; set; } = "";
            }

            public sealed class Pricing
            {
                public Quote QuoteFor(Order order) => new Quote { Total = order.Total * 1.2m, Currency = "EUR" };

                public string LabelFor(Order order) => order.Buyer.FullName + " #" + order.Id;

                public string Wrap(string text) => "[" + text + "]";
            }

            public sealed class Checkout(Pricing pricing, IPartnerCrmClient crm)
            {
                public void SendQuote(Order order) => crm.Upsert(pricing.QuoteFor(order));

                public void SendLabel(Order order) => crm.Upsert({|SP1001:pricing.LabelFor(order)|});

                public void SendWrapped(Customer customer) => crm.Upsert({|SP1001:pricing.Wrap(customer.Email)|});
            }
            """);

    [Fact]
    public async Task A_finding_through_a_logging_helper_names_the_helper_with_its_type()
    {
        var source = Usings + """
            public sealed class AuditLog(ILogger<AuditLog> logger)
            {
                public void Info(string message) => logger.LogInformation(message);
            }

            public sealed class Signup(AuditLog audit)
            {
                public void Register(Customer customer) => audit.Info(customer.Email);
            }
            """;

        var result = await Harness.AnalyzerVerifier.RunAsync(PrivacyFixture.Project(source), new PersonalDataToLogAnalyzer());

        var finding = Assert.Single(result.AnalyzerDiagnostics);
        Assert.Equal("Customer.Email is written to log sink LoggerExtensions.LogInformation (through AuditLog.Info) without redaction", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task A_sink_entry_limited_to_a_named_parameter_reports_only_that_parameter() =>
        PrivacyFixture.VerifyAsync(new PersonalDataToLogAnalyzer(), Usings + """
            namespace Shop.Activity
            {
                public static class ActivityLog
                {
                    public static void Record(Customer actor, string details) { }
                }

                public sealed class Profile
                {
                    public void Rename(Customer customer) => ActivityLog.Record(customer, "renamed " + {|SP1002:customer.FullName|});
                }
            }
            """,
            PrivacyFixture.Policy.Replace("""
                  logSinks:
                    - method: "Shop.Diagnostics.AuditTrail.Write"
                """, """
                  logSinks:
                    - method: "Shop.Diagnostics.AuditTrail.Write"
                    - method: "Shop.Activity.ActivityLog.Record(details)"
                """, StringComparison.Ordinal));
}
