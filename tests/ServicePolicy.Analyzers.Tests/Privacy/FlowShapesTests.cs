using ServicePolicy.Analyzers.Privacy;

namespace ServicePolicy.Analyzers.Tests.Privacy;

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
}
