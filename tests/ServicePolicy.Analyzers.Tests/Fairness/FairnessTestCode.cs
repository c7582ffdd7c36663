namespace ServicePolicy.Analyzers.Tests.Fairness;

/// <summary>The domain and policy the SP2001 tests share: a support desk's customers and tickets.</summary>
internal static class FairnessTestCode
{
    public const string Policy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: fairness-tests
        classification:
          protectedAttributes:
            - id: gender
              symbols: ["Customer.Gender"]
            - id: age
              symbols: ["Customer.Age", "*.DateOfBirth"]
            - id: ethnicity
              symbols: ["Customer.Ethnicity"]
          proxies:
            - id: first-name
              standsFor: gender
              symbols: ["Customer.FirstName"]
            - id: postcode
              standsFor: ethnicity
              symbols: ["Address.PostalCode"]
        analyzers:
          decisionContexts:
            - context: routing
              types: ["*Router"]
              interfaces: [ITicketRouter]
            - context: prioritisation
              methods: ["TicketService.Prioritise*"]
            - context: pricing
              namespaces: ["Shop.Pricing*"]
            - context: eligibility
              types: ["*EligibilityHandler"]
        """;

    public const string Domain = """
        namespace Shop.Domain
        {
            public enum Tier { Basic, Gold }

            public class Address
            {
                public string PostalCode { get; set; } = "";
                public string City { get; set; } = "";
            }

            public class Customer
            {
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                public string Email { get; set; } = "";
                public string Gender { get; set; } = "";
                public int Age { get; set; }
                public DateTime DateOfBirth { get; set; }
                public string Ethnicity { get; set; } = "";
                public Tier Tier { get; set; }
                public Address Address { get; set; } = new();
                public string Region { get; set; } = "";
            }

            public class Product
            {
                public string Gender { get; set; } = "";
                public decimal Price { get; set; }
            }

            public class Ticket
            {
                public int Id { get; set; }
                public Customer Customer { get; set; } = new();
                public string Subject { get; set; } = "";
                public int Priority { get; set; }
            }

            public class Route
            {
                public string Queue { get; set; } = "";
            }

            public interface ITicketRouter
            {
                string Route(Ticket ticket);
            }

            public interface IRequest<TResponse> { }

            public interface IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
        }
        """;
}
