namespace ServicePolicy.Analyzers.Tests.Privacy;

using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>
/// The application every privacy test runs against: a small shop with customers, a partner CRM, a
/// consent service and a redaction helper, shaped like real apps (MediatR handlers, controllers,
/// minimal APIs), with stubs for the framework types they use. The policy classifies the customer's
/// contact and identity data and names the sinks, the consent checks and the redactor by name.
/// </summary>
internal static class PrivacyFixture
{
    public const string Policy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: shop
        classification:
          categories:
            - id: contact
              symbols: ["Shop.Domain.Customer.Email", "*.PhoneNumber"]
            - id: identity
              symbols: ["Shop.Domain.Customer.FullName"]
            - id: preferences
              symbols: ["Shop.Domain.Customer.NewsletterTopics"]
              redactInLogs: false
        recipients:
          - id: partner-crm
            kind: processor
            purposes: [crm-sync]
            agreement: CRM data-processing agreement
        consent:
          purposes:
            - id: crm-sync
              needs: [contact, identity]
          requirements:
            - categories: [contact, identity]
              recipients: ["*"]
              purpose: crm-sync
        analyzers:
          thirdPartySinks:
            - method: "Shop.Integrations.IPartnerCrmClient.Upsert*"
              recipient: partner-crm
            - method: "System.Net.Http.HttpClient.PostAsJsonAsync"
              recipient: "*"
          logSinks:
            - method: "Shop.Diagnostics.AuditTrail.Write"
          consentChecks:
            - "Shop.Privacy.IConsentService.HasConsent*"
            - "Shop.Privacy.IConsentService.EnsureConsent"
            - "Shop.Privacy.IPolicyGate.ShareData*"
          redactors: ["Shop.Privacy.Redact.Mask"]
        """;

    /// <summary>The usings of application code that logs and calls the partner integrations.</summary>
    public const string LoggingAndIntegrationUsings = """
        using Microsoft.Extensions.Logging;
        using Shop.Domain;
        using Shop.Integrations;

        """;

    public const string Stubs = """
        namespace Shop.Domain
        {
            public sealed class Customer
            {
                public Guid Id { get; set; }
                public string Email { get; set; } = "";
                public string FullName { get; set; } = "";
                public string PhoneNumber { get; set; } = "";
                public string Tier { get; set; } = "";
                public List<string> NewsletterTopics { get; set; } = new();
            }

            public sealed class Order
            {
                public int Id { get; set; }
                public Customer Buyer { get; set; } = new();
                public decimal Total { get; set; }
            }

            public interface ICustomerRepository
            {
                Task<Customer> FindAsync(Guid id, CancellationToken cancellationToken);
                Task<List<Customer>> ListAsync(CancellationToken cancellationToken);
            }
        }

        namespace Shop.Privacy
        {
            public interface IConsentService
            {
                Task<bool> HasConsentAsync(Guid customerId, string purpose, CancellationToken cancellationToken = default);
                bool HasConsent(Guid customerId, string purpose);
                void EnsureConsent(Guid customerId, string purpose);
                Task RecordConsentAsync(Guid customerId, string purpose);
            }

            public sealed class Decision
            {
                public bool IsAllowed { get; init; }
                public bool IsDenied => !IsAllowed;
            }

            public interface IPolicyGate
            {
                Decision ShareData(Guid customerId, string recipient);
                Task<Decision> ShareDataAsync(Guid customerId, string recipient);
            }

            public static class Redact
            {
                public static string Mask(string? value) => string.IsNullOrEmpty(value) ? "" : value![0] + "***";
            }
        }

        namespace Shop.Integrations
        {
            public sealed class CrmContact
            {
                public string Email { get; set; } = "";
                public string Name { get; set; } = "";
                public string Segment { get; set; } = "";
            }

            public interface IPartnerCrmClient
            {
                Task UpsertAsync(object contact, CancellationToken cancellationToken = default);
                void Upsert(object contact);
            }
        }

        namespace Shop.Diagnostics
        {
            public static class AuditTrail
            {
                public static void Write(string entry) { }
            }
        }

        namespace MediatR
        {
            public interface IRequest<TResponse> { }

            public interface IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
        }

        namespace Microsoft.AspNetCore.Mvc
        {
            public interface IActionResult { }

            public abstract class ControllerBase
            {
                public IActionResult Ok() => null!;
                public IActionResult Forbid() => null!;
            }
        }

        namespace Microsoft.AspNetCore.Http
        {
            public interface IResult { }

            public static class Results
            {
                public static IResult Ok() => null!;
                public static IResult Forbid() => null!;
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication
            {
                public void MapPost(string pattern, Delegate handler) { }
            }
        }
        """;

    /// <summary>The application code under test (with markup) beside the stubs and the policy.</summary>
    public static TestProject Project(string source, string? policy = Policy)
    {
        var project = new TestProject().AddSource(source).AddSource(Stubs, "Stubs.cs");
        if (policy != null)
        {
            project.AddPolicy(policy);
        }

        return project;
    }

    public static Task VerifyAsync(DiagnosticAnalyzer analyzer, string source, string? policy = Policy) =>
        AnalyzerVerifier.VerifyAsync(Project(source, policy), new[] { analyzer });

    public static void AddStubs(TestProject project) => project.AddSource(Stubs, "Stubs.cs");
}
