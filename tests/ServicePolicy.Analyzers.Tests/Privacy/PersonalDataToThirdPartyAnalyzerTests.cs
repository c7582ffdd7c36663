namespace ServicePolicy.Analyzers.Tests.Privacy;

using System.Globalization;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>
/// SP1001: personal data reaching a third-party sink with no consent check before it. Positive cases
/// show each way data flows and each way a check fails to guard; negative cases show each guard shape
/// that works and data that is not personal.
/// </summary>
public sealed class PersonalDataToThirdPartyAnalyzerTests
{
    private static Task VerifyAsync(string source, string? policy = PrivacyFixture.Policy) =>
        PrivacyFixture.VerifyAsync(new PersonalDataToThirdPartyAnalyzer(), source, policy);

    private const string Usings = """
        using MediatR;
        using Shop.Domain;
        using Shop.Integrations;
        using Shop.Privacy;

        """;

    // ------------------------------------------------------------------ flows that reach the sink

    [Fact]
    public Task A_MediatR_handler_that_sends_a_classified_member_in_an_object_initializer_is_reported() =>
        VerifyAsync(Usings + """
            public sealed record SyncContact(Guid CustomerId) : IRequest<bool>;

            public sealed class SyncContactHandler(ICustomerRepository customers, IPartnerCrmClient crm) : IRequestHandler<SyncContact, bool>
            {
                public async Task<bool> Handle(SyncContact request, CancellationToken cancellationToken)
                {
                    var customer = await customers.FindAsync(request.CustomerId, cancellationToken);
                    await crm.UpsertAsync({|SP1001:new CrmContact { Email = customer.Email, Segment = customer.Tier }|}, cancellationToken);
                    return true;
                }
            }
            """);

    [Fact]
    public Task Data_that_flows_through_locals_interpolation_and_concatenation_is_reported() =>
        VerifyAsync(Usings + """
            public sealed class Newsletter(IPartnerCrmClient crm)
            {
                public void Subscribe(Customer customer)
                {
                    var email = customer.Email;
                    var line = $"subscriber: {email}";
                    var payload = "v1;" + line;
                    crm.Upsert({|SP1001:payload|});
                }
            }
            """);

    [Fact]
    public Task An_anonymous_object_and_a_collection_initializer_carry_the_data() =>
        VerifyAsync(Usings + """
            public sealed class Export(IPartnerCrmClient crm)
            {
                public void Send(Customer customer)
                {
                    crm.Upsert({|SP1001:new { Mail = customer.Email, customer.Tier }|});
                    var phones = new List<string> { customer.PhoneNumber };
                    crm.Upsert({|SP1001:phones|});
                }
            }
            """);

    [Fact]
    public Task A_whole_customer_object_is_personal_data_because_its_type_carries_personal_members() =>
        VerifyAsync(Usings + """
            public sealed class Export(ICustomerRepository customers, IPartnerCrmClient crm)
            {
                public async Task SendAllAsync(CancellationToken ct)
                {
                    var all = await customers.ListAsync(ct);
                    await crm.UpsertAsync({|SP1001:all|}, ct);
                }
            }
            """);

    [Fact]
    public Task Data_captured_by_a_lambda_and_selected_by_a_lambda_is_reported() =>
        VerifyAsync(Usings + """
            public sealed class Export(IPartnerCrmClient crm)
            {
                public void Send(List<Customer> customers)
                {
                    var emails = customers.Select(c => c.Email).ToList();
                    Action send = () => crm.Upsert({|SP1001:emails|});
                    send();
                    customers.ForEach(c => crm.Upsert({|SP1001:c.FullName|}));
                }
            }
            """);

    [Fact]
    public Task A_helper_that_passes_its_parameter_to_a_sink_is_a_sink_for_its_callers() =>
        VerifyAsync(Usings + """
            public sealed class CrmGateway(IPartnerCrmClient crm)
            {
                public Task PushAsync(string value, CancellationToken ct) => crm.UpsertAsync(value, ct);
            }

            public sealed class Onboarding(CrmGateway gateway)
            {
                public async Task WelcomeAsync(Customer customer, CancellationToken ct)
                {
                    await gateway.PushAsync({|SP1001:customer.Email|}, ct);
                }
            }
            """);

    [Fact]
    public Task An_http_post_of_personal_data_through_an_extension_method_is_reported() =>
        VerifyAsync(Usings + """
            using System.Net.Http;
            using System.Net.Http.Json;

            public sealed class Webhook(HttpClient http)
            {
                public Task NotifyAsync(Customer customer) =>
                    http.PostAsJsonAsync("https://partner.example/hook", {|SP1001:new { customer.Email, customer.PhoneNumber }|});
            }
            """);

    [Fact]
    public Task A_consent_check_combined_with_or_does_not_guard() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer, bool isInternalTest)
                {
                    if (consent.HasConsent(customer.Id, "crm-sync") || isInternalTest)
                    {
                        crm.Upsert({|SP1001:customer.Email|});
                    }
                }
            }
            """);

    [Fact]
    public Task A_sink_in_the_else_branch_of_the_check_is_reported() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    if (consent.HasConsent(customer.Id, "crm-sync"))
                    {
                        Console.WriteLine("consented");
                    }
                    else
                    {
                        crm.Upsert({|SP1001:customer.Email|});
                    }
                }
            }
            """);

    [Fact]
    public Task A_check_after_the_sink_does_not_guard_it() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public async Task RunAsync(Customer customer)
                {
                    await crm.UpsertAsync({|SP1001:customer.Email|});
                    if (!await consent.HasConsentAsync(customer.Id, "crm-sync"))
                    {
                        return;
                    }
                }
            }
            """);

    [Fact]
    public Task A_check_whose_result_is_ignored_does_not_guard() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public async Task RunAsync(Customer customer)
                {
                    await consent.HasConsentAsync(customer.Id, "crm-sync");
                    await consent.RecordConsentAsync(customer.Id, "crm-sync");
                    await crm.UpsertAsync({|SP1001:customer.FullName|});
                }
            }
            """);

    [Fact]
    public Task A_loop_that_skips_only_customers_with_consent_sends_the_others() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(List<Customer> customers)
                {
                    foreach (var customer in customers)
                    {
                        if (consent.HasConsent(customer.Id, "crm-sync"))
                        {
                            continue;
                        }

                        crm.Upsert({|SP1001:customer.PhoneNumber|});
                    }
                }
            }
            """);

    [Fact]
    public Task A_local_that_holds_check_or_something_else_does_not_guard() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer, bool isAdmin)
                {
                    var allowed = isAdmin || consent.HasConsent(customer.Id, "crm-sync");
                    if (!allowed)
                    {
                        return;
                    }

                    crm.Upsert({|SP1001:customer.Email|});
                }
            }
            """);

    [Fact]
    public async Task The_message_names_the_data_the_sink_and_the_recipient()
    {
        var project = PrivacyFixture.Project(Usings + """
            public sealed class Sync(IPartnerCrmClient crm)
            {
                public void Run(Customer customer) => crm.Upsert(new { customer.Email, customer.FullName });
            }
            """);
        var result = await AnalyzerVerifier.RunAsync(project, new PersonalDataToThirdPartyAnalyzer());

        var diagnostic = Assert.Single(result.WithId("SP1001"));
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Customer.Email", message, StringComparison.Ordinal);
        Assert.Contains("Customer.FullName", message, StringComparison.Ordinal);
        Assert.Contains("IPartnerCrmClient.Upsert", message, StringComparison.Ordinal);
        Assert.Contains("partner-crm", message, StringComparison.Ordinal);
        Assert.Equal("crm-sync", diagnostic.Properties["Purpose"]);
    }

    [Fact]
    public Task Annotations_alone_classify_data_sinks_and_checks_without_a_policy() =>
        VerifyAsync("""
            public sealed class Patient
            {
                public int Id { get; set; }
                [PersonalData("health")] public string Diagnosis { get; set; } = "";
            }

            public interface IInsurer
            {
                [ThirdPartySink("insurer")] void Report(string payload);
            }

            public interface IPatientConsent
            {
                [ConsentCheck("insurance")] bool Allows(int patientId);
            }

            public sealed class Claims(IInsurer insurer, IPatientConsent consent)
            {
                public void File(Patient patient)
                {
                    insurer.Report({|SP1001:patient.Diagnosis|});
                    if (consent.Allows(patient.Id))
                    {
                        insurer.Report(patient.Diagnosis);
                    }
                }
            }
            """, policy: null);

    [Fact]
    public Task A_decision_that_is_read_the_wrong_way_round_or_not_at_all_does_not_guard() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IPolicyGate gate, IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    var decision = gate.ShareData(customer.Id, "partner-crm");
                    if (decision.IsAllowed) return;
                    crm.Upsert({|SP1001:customer.Email|});
                }

                public async Task RunAsync(Customer customer)
                {
                    await gate.ShareDataAsync(customer.Id, "partner-crm");
                    crm.Upsert({|SP1001:customer.Email|});
                }
            }
            """);

    [Fact]
    public Task A_catch_block_after_a_check_inside_the_try_is_not_guarded() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    try
                    {
                        if (!consent.HasConsent(customer.Id, "crm-sync")) return;
                        crm.Upsert(customer.Email);
                    }
                    catch (InvalidOperationException)
                    {
                        crm.Upsert({|SP1001:customer.PhoneNumber|});
                    }
                }

                public void RunGuardedBeforeTry(Customer customer)
                {
                    if (!consent.HasConsent(customer.Id, "crm-sync")) return;
                    try
                    {
                        crm.Upsert(customer.Email);
                    }
                    catch (InvalidOperationException)
                    {
                        crm.Upsert(customer.PhoneNumber);
                    }
                }
            }
            """);

    [Fact]
    public Task A_callee_whose_parameter_is_a_whole_customer_reports_inside_itself_and_not_again_at_its_callers() =>
        VerifyAsync(Usings + """
            public sealed class CrmSync(IPartnerCrmClient crm)
            {
                public void Sync(Customer customer) => crm.Upsert({|SP1001:customer|});
            }

            public sealed class Nightly(CrmSync sync)
            {
                public void Run(List<Customer> customers)
                {
                    foreach (var customer in customers)
                    {
                        sync.Sync(customer);
                    }
                }
            }
            """);

    // ------------------------------------------------------------------ guarded or not personal

    [Fact]
    public Task A_consent_decision_whose_IsAllowed_or_IsDenied_is_tested_guards_the_sink() =>
        VerifyAsync(Usings + """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ShareController(IPolicyGate gate, IPartnerCrmClient crm) : ControllerBase
            {
                public IActionResult Share(Customer customer)
                {
                    if (!gate.ShareData(customer.Id, "partner-crm").IsAllowed) return Forbid();
                    crm.Upsert(customer.Email);
                    return Ok();
                }

                public async Task<IActionResult> ShareAsync(Customer customer)
                {
                    var decision = await gate.ShareDataAsync(customer.Id, "partner-crm");
                    if (decision.IsDenied)
                    {
                        return Forbid();
                    }

                    await crm.UpsertAsync(customer.PhoneNumber);
                    return Ok();
                }
            }
            """);


    [Fact]
    public Task An_early_return_on_a_negated_awaited_check_guards_the_rest_of_the_handler() =>
        VerifyAsync(Usings + """
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

                    await crm.UpsertAsync(new CrmContact { Email = customer.Email, Name = customer.FullName }, cancellationToken);
                    return true;
                }
            }
            """);

    [Fact]
    public Task A_controller_action_that_returns_Forbid_without_consent_is_guarded() =>
        VerifyAsync(Usings + """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ContactsController(IConsentService consent, IPartnerCrmClient crm) : ControllerBase
            {
                public async Task<IActionResult> Share(Customer customer)
                {
                    if (!await consent.HasConsentAsync(customer.Id, "crm-sync")) return Forbid();
                    await crm.UpsertAsync(customer);
                    return Ok();
                }
            }
            """);

    [Fact]
    public Task An_enclosing_if_on_the_check_guards_the_sink() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    if (consent.HasConsent(customer.Id, "crm-sync"))
                    {
                        var contact = new CrmContact { Email = customer.Email };
                        crm.Upsert(contact);
                    }
                }
            }
            """);

    [Fact]
    public Task A_conjunction_that_contains_the_check_guards_the_sink() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer, bool syncEnabled)
                {
                    if (syncEnabled && customer.Email.Length > 0 && consent.HasConsent(customer.Id, "crm-sync"))
                    {
                        crm.Upsert(customer.Email);
                    }
                }
            }
            """);

    [Fact]
    public Task A_local_holding_the_check_then_a_throw_on_its_negation_guards_the_sink() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public async Task RunAsync(Customer customer, CancellationToken ct)
                {
                    var ok = await consent.HasConsentAsync(customer.Id, "crm-sync", ct);
                    if (!ok) throw new InvalidOperationException("No consent for CRM sync.");
                    await crm.UpsertAsync(customer.PhoneNumber, ct);
                }
            }
            """);

    [Fact]
    public Task Comparisons_with_false_and_patterns_on_the_check_guard_the_sink() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    if (consent.HasConsent(customer.Id, "crm-sync") == false) return;
                    crm.Upsert(customer.Email);
                }

                public async Task RunAsync(Customer customer)
                {
                    if (await consent.HasConsentAsync(customer.Id, "crm-sync") is false) return;
                    await crm.UpsertAsync(customer.Email);
                }

                public void RunNegatedPattern(Customer customer)
                {
                    if (consent.HasConsent(customer.Id, "crm-sync") is not true) return;
                    crm.Upsert(customer.FullName);
                }
            }
            """);

    [Fact]
    public Task A_continue_on_the_negated_check_guards_the_rest_of_the_loop_body() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(List<Customer> customers)
                {
                    foreach (var customer in customers)
                    {
                        if (!consent.HasConsent(customer.Id, "crm-sync"))
                        {
                            continue;
                        }

                        crm.Upsert(customer.Email);
                    }
                }
            }
            """);

    [Fact]
    public Task A_check_that_throws_without_consent_guards_what_follows_it() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IConsentService consent, IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    consent.EnsureConsent(customer.Id, "crm-sync");
                    crm.Upsert(customer.Email);
                }
            }
            """);

    [Fact]
    public Task A_minimal_api_lambda_guarded_by_the_check_is_not_reported() =>
        VerifyAsync(Usings + """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/crm/{id}", async (Customer customer, IConsentService consent, IPartnerCrmClient crm) =>
                    {
                        if (!await consent.HasConsentAsync(customer.Id, "crm-sync")) return Results.Forbid();
                        await crm.UpsertAsync(customer);
                        return Results.Ok();
                    });
                }
            }
            """);

    [Fact]
    public Task Members_that_are_not_personal_data_may_be_shared() =>
        VerifyAsync(Usings + """
            public sealed class Stats(IPartnerCrmClient crm)
            {
                public void Send(Customer customer, List<Customer> customers, Order order)
                {
                    crm.Upsert(customer.Tier);
                    crm.Upsert(customer.Id);
                    crm.Upsert(customers.Select(c => c.Id).ToList());
                    crm.Upsert(new { order.Id, order.Total, customer.Email.Length });
                    crm.Upsert(customers.Count);
                }
            }
            """);

    [Fact]
    public Task A_local_overwritten_with_other_data_no_longer_carries_the_personal_data() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IPartnerCrmClient crm)
            {
                public void Run(Customer customer)
                {
                    var value = customer.Email;
                    value = "anonymous";
                    crm.Upsert(value);
                    var masked = Redact.Mask(customer.PhoneNumber);
                    crm.Upsert(masked);
                }
            }
            """);

    [Fact]
    public Task A_caller_that_checks_consent_before_calling_a_forwarding_helper_is_guarded() =>
        VerifyAsync(Usings + """
            public sealed class CrmGateway(IPartnerCrmClient crm)
            {
                public void Push(string value) => crm.Upsert(value);
            }

            public sealed class Onboarding(CrmGateway gateway, IConsentService consent)
            {
                public void Welcome(Customer customer)
                {
                    if (consent.HasConsent(customer.Id, "crm-sync"))
                    {
                        gateway.Push(customer.Email);
                    }

                    gateway.Push(customer.Tier);
                }
            }
            """);

    [Fact]
    public Task Without_any_classification_nothing_is_personal_data() =>
        VerifyAsync(Usings + """
            public sealed class Sync(IPartnerCrmClient crm)
            {
                public void Run(Customer customer) => crm.Upsert(customer.Email);
            }
            """, policy: """
            apiVersion: servicepolicy/v1
            analyzers:
              thirdPartySinks:
                - method: "Shop.Integrations.IPartnerCrmClient.Upsert*"
            """);

    [Fact]
    public Task Recursive_and_mutually_recursive_helpers_are_analysed_without_hanging() =>
        VerifyAsync(Usings + """
            public sealed class Loop(IPartnerCrmClient crm)
            {
                public void Ping(string value, int depth) { if (depth > 0) Pong(value, depth - 1); }
                public void Pong(string value, int depth) { if (depth > 0) Ping(value, depth - 1); else crm.Upsert(value); }
                public void Start(Customer customer) => Ping({|SP1001:customer.Email|}, 3);
            }
            """);
}
