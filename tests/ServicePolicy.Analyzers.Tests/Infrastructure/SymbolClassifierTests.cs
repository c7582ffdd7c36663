namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Classification;

/// <summary>How symbols are classified: annotations first, then the policy's bindings by name.</summary>
public sealed class SymbolClassifierTests
{
    private const string Policy = """
        apiVersion: servicepolicy/v1
        classification:
          categories:
            - id: contact
              symbols: ["Customer.Email", "*.PhoneNumber"]
            - id: payment
              level: sensitive
              redactInLogs: true
              symbols: ["ICard.Number"]
          protectedAttributes:
            - id: gender
              symbols: ["Customer.Gender"]
          proxies:
            - id: first-name
              standsFor: gender
              symbols: ["Customer.FirstName"]
        recipients:
          - id: partner-crm
            kind: processor
            purposes: []
            agreement: CRM agreement
        analyzers:
          thirdPartySinks:
            - method: "PartnerCrm.Upsert(payload)"
              recipient: partner-crm
            - method: "HttpClient.PostAsJsonAsync"
              recipient: "*"
          logSinks:
            - method: "AuditTrail.Write"
          consentChecks: ["IConsentService.HasConsent*"]
          redactors: ["Mask.*"]
          decisionContexts:
            - context: pricing
              interfaces: ["IPriceRule"]
          customerFacingText: ["IReplySender.Send(body)", "Reply.Body"]
        """;

    private const string Source = """
        namespace App
        {
            public class Customer
            {
                public string Email { get; set; } = "";
                public string PhoneNumber { get; set; } = "";
                public string Gender { get; set; } = "";
                public string FirstName { get; set; } = "";
                [PersonalData("identity")] public string Passport { get; set; } = "";
                public Iban Account { get; set; } = new();
                public string Notes { get; set; } = "";
            }

            [PersonalData("payment")] public class Iban { }

            public interface ICard { string Number { get; } }
            public class Card : ICard { public string Number { get; set; } = ""; }

            public class PartnerCrm { public void Upsert(string id, object payload) { } }

            [ThirdPartySink("ads")] public interface IAdsClient { void Track(object data); }
            public class AdsClient : IAdsClient { public void Track(object data) { } private void Helper() { } }

            public class Mailer { public void Send(string to, [ThirdPartySink("mail")] string body) { } }

            public class AuditTrail { public static void Write(string line) { } }

            public interface IConsentService { bool HasConsent(int id, string purpose); }
            public class ConsentService : IConsentService { public bool HasConsent(int id, string purpose) => true; }

            public abstract class ConsentBase { [ConsentCheck("marketing")] public abstract bool Allowed(int id); }
            public class Marketing : ConsentBase { public override bool Allowed(int id) => true; }

            public static class Mask { public static string Email(string value) => "***"; }

            public interface IPriceRule { decimal Apply(decimal price); }
            public class SeniorDiscount : IPriceRule
            {
                public decimal Apply(decimal price)
                {
                    Func<decimal, decimal> half = p => p / 2;
                    return half(price);
                }

                public class Nested { public void Inner() { } }
            }

            public interface IReplySender { void Send(int ticket, string body, string note); }
            public class Reply { public string Body { get; set; } = ""; public int Length { get; set; } }
        }
        """;

    [Fact]
    public void Personal_data_comes_from_the_policy_annotations_and_annotated_types()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var symbols = context.Symbols;

        Assert.Equal("contact", symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Customer", "Email"))?.Category);
        Assert.Equal("contact", symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Customer", "PhoneNumber"))?.Category);
        var passport = symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Customer", "Passport"));
        Assert.Equal(("identity", ClassificationSource.Annotation), (passport?.Category, passport?.Source));
        Assert.Equal("payment", symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Customer", "Account"))?.Category);
        Assert.Null(symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Customer", "Notes")));
    }

    [Fact]
    public void A_binding_on_an_interface_member_covers_its_implementation_and_carries_the_category_definition()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);

        var info = context.Symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Card", "Number"));

        Assert.Equal("payment", info?.Category);
        Assert.Equal(Core.Model.DataLevel.Sensitive, info?.Level);
        Assert.True(info?.RedactInLogs);
    }

    [Fact]
    public void Protected_attributes_and_proxies_are_told_apart()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);

        var gender = context.Symbols.GetProtectedAttribute(compilation.Member<IPropertySymbol>("App.Customer", "Gender"));
        var firstName = context.Symbols.GetProtectedAttribute(compilation.Member<IPropertySymbol>("App.Customer", "FirstName"));

        Assert.Equal("protected attribute 'gender'", gender?.Describe());
        Assert.Equal("proxy 'first-name' for protected attribute 'gender'", firstName?.Describe());
        Assert.Null(context.Symbols.GetProtectedAttribute(compilation.Member<IPropertySymbol>("App.Customer", "Email")));
    }

    [Fact]
    public void Third_party_sinks_come_from_policy_patterns_with_parameters_and_from_annotations()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var symbols = context.Symbols;

        var upsert = symbols.GetThirdPartySink(compilation.Member<IMethodSymbol>("App.PartnerCrm", "Upsert"));
        Assert.Equal("partner-crm", upsert?.Recipient);
        Assert.Equal(new[] { 1 }, upsert!.ParameterOrdinals);

        Assert.True(symbols.IsThirdPartySink(compilation.Member<IMethodSymbol>("App.AdsClient", "Track"), out var recipient));
        Assert.Equal("ads", recipient);
        Assert.False(symbols.IsThirdPartySink(compilation.Member<IMethodSymbol>("App.AdsClient", "Helper"), out _));

        var send = symbols.GetThirdPartySink(compilation.Member<IMethodSymbol>("App.Mailer", "Send"));
        Assert.Equal("mail", send?.Recipient);
        Assert.True(send!.Covers(1));
        Assert.False(send.Covers(0));
    }

    [Fact]
    public void An_extension_method_answers_to_the_extended_type_name()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var extensions = compilation.Type("System.Net.Http.Json.HttpClientJsonExtensions");
        var post = extensions.GetMembers("PostAsJsonAsync").OfType<IMethodSymbol>().First();

        Assert.True(context.Symbols.IsThirdPartySink(post, out var recipient));
        Assert.Equal("*", recipient);
    }

    [Fact]
    public void Log_sinks_include_the_built_in_ones_and_the_policy_ones()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var symbols = context.Symbols;

        Assert.True(symbols.IsLogSink(compilation.Member<IMethodSymbol>("App.AuditTrail", "Write")));
        Assert.True(symbols.IsLogSink(compilation.Type("System.Console").GetMembers("WriteLine").OfType<IMethodSymbol>().First()));
        Assert.True(symbols.IsLogSink(compilation.Type("Microsoft.Extensions.Logging.LoggerExtensions").GetMembers("LogInformation").OfType<IMethodSymbol>().First()));
        Assert.False(symbols.IsLogSink(compilation.Type("System.Console").GetMembers("ReadLine").OfType<IMethodSymbol>().First()));
    }

    [Fact]
    public void Consent_checks_and_redactors_cover_implementations_and_overrides()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var symbols = context.Symbols;

        Assert.True(symbols.IsConsentCheck(compilation.Member<IMethodSymbol>("App.ConsentService", "HasConsent")));
        Assert.True(symbols.IsConsentCheck(compilation.Member<IMethodSymbol>("App.IConsentService", "HasConsent")));
        Assert.True(symbols.IsConsentCheck(compilation.Member<IMethodSymbol>("App.Marketing", "Allowed"), out var purpose));
        Assert.Equal("marketing", purpose);
        Assert.True(symbols.IsRedactor(compilation.Member<IMethodSymbol>("App.Mask", "Email")));
        Assert.False(symbols.IsRedactor(compilation.Member<IMethodSymbol>("App.AuditTrail", "Write")));
    }

    [Fact]
    public void A_decision_context_by_interface_covers_members_lambdas_and_nested_types()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var apply = compilation.Member<IMethodSymbol>("App.SeniorDiscount", "Apply");
        var inner = compilation.Type("App.SeniorDiscount+Nested").GetMembers("Inner").Single();

        var decision = context.Symbols.GetDecisionContext(apply);

        Assert.Equal("pricing", decision?.Kind);
        Assert.Equal("policy decisionContexts interfaces 'IPriceRule'", decision?.Reason);
        Assert.Equal("pricing", context.Symbols.GetDecisionContext(inner)?.Kind);
        Assert.Null(context.Symbols.GetDecisionContext(compilation.Member<IMethodSymbol>("App.Mask", "Email")));
    }

    [Fact]
    public void Customer_facing_text_by_parameter_name_and_by_member()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var send = compilation.Member<IMethodSymbol>("App.IReplySender", "Send");

        Assert.True(context.Symbols.IsCustomerFacingText(send, send.Parameters[1]));
        Assert.False(context.Symbols.IsCustomerFacingText(send, send.Parameters[2]));
        Assert.True(context.Symbols.IsCustomerFacingTextMember(compilation.Member<IPropertySymbol>("App.Reply", "Body")));
        Assert.False(context.Symbols.IsCustomerFacingTextMember(compilation.Member<IPropertySymbol>("App.Reply", "Length")));
    }

    [Fact]
    public void Answers_are_cached_per_symbol()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source, Policy);
        var email = compilation.Member<IPropertySymbol>("App.Customer", "Email");

        Assert.Same(context.Symbols.GetPersonalData(email), context.Symbols.GetPersonalData(email));
        Assert.Same(context.Symbols.GetPersonalData(email), context.Symbols.GetPersonalData(email.GetMethod!));
    }

    [Fact]
    public void Source_declared_copies_of_the_attributes_are_recognised_by_name()
    {
        const string copied = """
            namespace ServicePolicy.Annotations
            {
                public sealed class PersonalDataAttribute : System.Attribute { public PersonalDataAttribute(string category) { } }
            }

            namespace App
            {
                public class Lead { [ServicePolicy.Annotations.PersonalData("contact")] public string Email { get; set; } = ""; }
            }
            """;
        var (context, compilation) = ClassifierTestHelper.Create(copied, configure: p =>
        {
            p.ReferenceAnnotations = false;
        });

        Assert.Equal("contact", context.Symbols.GetPersonalData(compilation.Member<IPropertySymbol>("App.Lead", "Email"))?.Category);
    }
}
