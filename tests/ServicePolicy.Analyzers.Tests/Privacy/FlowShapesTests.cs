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
}
