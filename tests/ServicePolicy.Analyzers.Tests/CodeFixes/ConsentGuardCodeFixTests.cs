namespace ServicePolicy.Analyzers.Tests.CodeFixes;

using ServicePolicy.Analyzers.CodeFixes;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Tests.Harness;
using ServicePolicy.Analyzers.Tests.Privacy;

/// <summary>
/// The SP1001 fix: an early-return consent guard before the statement that sends the data, calling
/// the policy's consent check with the customer's id, the policy's purpose and the cancellation token
/// in scope, and leaving the way the function can (return false, Forbid(), Results.Forbid(), continue).
/// </summary>
public sealed class ConsentGuardCodeFixTests
{
    private static Task VerifyFixAsync(string source, string expected) =>
        CodeFixVerifier.VerifyFixAsync(new PersonalDataToThirdPartyAnalyzer(), new ConsentGuardCodeFixProvider(), source, expected, PrivacyFixture.Policy, configure: PrivacyFixture.AddStubs);

    [Fact]
    public Task A_MediatR_handler_gets_an_awaited_guard_that_returns_false() =>
        VerifyFixAsync(
            """
            using MediatR;
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed record SyncContact(Guid CustomerId) : IRequest<bool>;

            public sealed class SyncContactHandler(ICustomerRepository customers, IConsentService consent, IPartnerCrmClient crm) : IRequestHandler<SyncContact, bool>
            {
                public async Task<bool> Handle(SyncContact request, CancellationToken cancellationToken)
                {
                    var customer = await customers.FindAsync(request.CustomerId, cancellationToken);
                    await crm.UpsertAsync({|SP1001:new CrmContact { Email = customer.Email }|}, cancellationToken);
                    return true;
                }
            }
            """,
            """
            using MediatR;
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed record SyncContact(Guid CustomerId) : IRequest<bool>;

            public sealed class SyncContactHandler(ICustomerRepository customers, IConsentService consent, IPartnerCrmClient crm) : IRequestHandler<SyncContact, bool>
            {
                public async Task<bool> Handle(SyncContact request, CancellationToken cancellationToken)
                {
                    var customer = await customers.FindAsync(request.CustomerId, cancellationToken);
                    if (!await consent.HasConsentAsync(customer.Id, "crm-sync", cancellationToken))
                    {
                        return false;
                    }

                    await crm.UpsertAsync(new CrmContact { Email = customer.Email }, cancellationToken);
                    return true;
                }
            }
            """);

    [Fact]
    public Task A_controller_action_gets_a_guard_that_returns_Forbid() =>
        VerifyFixAsync(
            """
            using Microsoft.AspNetCore.Mvc;
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class ContactsController(IConsentService consent, IPartnerCrmClient crm) : ControllerBase
            {
                public IActionResult Share(Customer customer)
                {
                    crm.Upsert({|SP1001:customer|});
                    return Ok();
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Mvc;
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class ContactsController(IConsentService consent, IPartnerCrmClient crm) : ControllerBase
            {
                public IActionResult Share(Customer customer)
                {
                    if (!consent.HasConsent(customer.Id, "crm-sync"))
                    {
                        return Forbid();
                    }

                    crm.Upsert(customer);
                    return Ok();
                }
            }
            """);

    [Fact]
    public Task A_minimal_api_expression_lambda_becomes_a_block_with_a_guard_returning_Results_Forbid() =>
        VerifyFixAsync(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/crm", async Task<IResult> (Customer customer, IConsentService consent, IPartnerCrmClient crm) =>
                    {
                        await crm.UpsertAsync({|SP1001:customer.PhoneNumber|});
                        return Results.Ok();
                    });
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/crm", async Task<IResult> (Customer customer, IConsentService consent, IPartnerCrmClient crm) =>
                    {
                        if (!await consent.HasConsentAsync(customer.Id, "crm-sync"))
                        {
                            return Results.Forbid();
                        }

                        await crm.UpsertAsync(customer.PhoneNumber);
                        return Results.Ok();
                    });
                }
            }
            """);

    [Fact]
    public Task A_sink_in_a_loop_gets_a_guard_that_skips_the_customer() =>
        VerifyFixAsync(
            """
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(List<Customer> customers)
                {
                    foreach (var customer in customers)
                    {
                        var email = customer.Email;
                        crm.Upsert({|SP1001:email|});
                    }
                }
            }
            """,
            """
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(List<Customer> customers)
                {
                    foreach (var customer in customers)
                    {
                        var email = customer.Email;
                        if (!consent.HasConsent(customer.Id, "crm-sync"))
                        {
                            continue;
                        }

                        crm.Upsert(email);
                    }
                }
            }
            """);

    [Fact]
    public Task An_expression_bodied_method_and_an_embedded_statement_become_blocks() =>
        VerifyFixAsync(
            """
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Push(Customer customer) => crm.Upsert({|SP1001:customer.FullName|});

                public void PushIfActive(Customer customer, bool active)
                {
                    if (active)
                        crm.Upsert({|SP1001:customer.Email|});
                }
            }
            """,
            """
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Push(Customer customer)
                {
                    if (!consent.HasConsent(customer.Id, "crm-sync"))
                    {
                        return;
                    }

                    crm.Upsert(customer.FullName);
                }

                public void PushIfActive(Customer customer, bool active)
                {
                    if (active)
                    {
                        if (!consent.HasConsent(customer.Id, "crm-sync"))
                        {
                            return;
                        }

                        crm.Upsert(customer.Email);
                    }
                }
            }
            """);

    [Fact]
    public Task Fix_all_inserts_one_guard_per_block_and_one_per_method() =>
        CodeFixVerifier.VerifyFixAllAsync(
            new PersonalDataToThirdPartyAnalyzer(),
            new ConsentGuardCodeFixProvider(),
            """
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public async Task PushAllAsync(Customer customer, CancellationToken ct)
                {
                    await crm.UpsertAsync({|SP1001:customer.Email|}, ct);
                    await crm.UpsertAsync({|SP1001:customer.PhoneNumber|}, ct);
                }

                public void PushName(Customer buyer)
                {
                    crm.Upsert({|SP1001:buyer.FullName|});
                }
            }
            """,
            """
            using Shop.Domain;
            using Shop.Integrations;
            using Shop.Privacy;

            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public async Task PushAllAsync(Customer customer, CancellationToken ct)
                {
                    if (!await consent.HasConsentAsync(customer.Id, "crm-sync", ct))
                    {
                        return;
                    }

                    await crm.UpsertAsync(customer.Email, ct);
                    await crm.UpsertAsync(customer.PhoneNumber, ct);
                }

                public void PushName(Customer buyer)
                {
                    if (!consent.HasConsent(buyer.Id, "crm-sync"))
                    {
                        return;
                    }

                    crm.Upsert(buyer.FullName);
                }
            }
            """,
            PrivacyFixture.Policy,
            configure: PrivacyFixture.AddStubs);

    [Fact]
    public async Task No_fix_is_offered_when_no_consent_service_is_in_scope()
    {
        var project = PrivacyFixture.Project("""
            using Shop.Domain;
            using Shop.Integrations;

            public sealed class Sync(IPartnerCrmClient crm)
            {
                public void Run(Customer customer) => crm.Upsert(customer.Email);
            }
            """);
        var result = await AnalyzerVerifier.RunAsync(project, new PersonalDataToThirdPartyAnalyzer());
        var diagnostic = Assert.Single(result.WithId("SP1001"));

        var offered = await CodeFixProbe.OfferedTitlesAsync(project, new ConsentGuardCodeFixProvider(), diagnostic);
        Assert.Empty(offered);
    }
}
