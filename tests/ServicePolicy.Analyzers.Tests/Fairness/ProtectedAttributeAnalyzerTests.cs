namespace ServicePolicy.Analyzers.Tests.Fairness;

using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Fairness;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>SP2001: protected attributes and their proxies must not decide routing, priority, price or eligibility.</summary>
public sealed class ProtectedAttributeAnalyzerTests
{
    private static Task VerifyAsync(string markup, string? policy = FairnessTestCode.Policy, params ExpectedDiagnostic[] extra)
    {
        var project = new TestProject().AddSource(markup).AddSource(FairnessTestCode.Domain, "Domain.cs");
        if (policy != null)
        {
            project.AddPolicy(policy);
        }

        return AnalyzerVerifier.VerifyAsync(project, new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() }, extra: extra);
    }

    // ------------------------------------------------------------------ findings

    [Fact]
    public Task An_age_computed_from_a_birth_date_by_a_helper_inside_a_query_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public static class Years
        {
            public static int Between(DateTime from, DateTime to) => to.Year - from.Year;
        }

        public class DiscountEligibilityHandler
        {
            public List<Customer> Eligible(IEnumerable<Customer> customers, DateTime today) =>
                customers.Where(c => Years.Between([|c.DateOfBirth|], today) >= 65).ToList();

            public bool Adult(Customer customer, DateTime today) => [|customer.DateOfBirth|].AddYears(18) <= today;

            public string Describe(Customer customer) => Cards.For(customer.DateOfBirth).Queue;
        }

        public static class Cards
        {
            public static Route For(DateTime date) => new Route { Queue = date.ToString("d") };
        }
        """);


    [Fact]
    public Task A_comparison_in_a_router_type_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class TicketRouter
        {
            public string Queue(Ticket ticket)
            {
                if ([|ticket.Customer.Gender|] == "female") return "team-a";
                return "team-b";
            }
        }
        """);

    [Fact]
    public Task A_switch_statement_in_an_implementation_of_a_named_interface_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class LanguageDesk : ITicketRouter
        {
            public string Route(Ticket ticket)
            {
                switch ([|ticket.Customer.Ethnicity|])
                {
                    case "x": return "desk-1";
                    default: return "desk-2";
                }
            }
        }
        """);

    [Fact]
    public Task A_switch_expression_in_a_pricing_namespace_is_reported() => VerifyAsync("""
        using Shop.Domain;
        namespace Shop.Pricing.Discounts
        {
            public class DiscountCalculator
            {
                public decimal Discount(Customer customer) => [|customer.Ethnicity|] switch
                {
                    "a" => 0.1m,
                    _ => 0m,
                };
            }
        }
        """);

    [Fact]
    public Task A_property_pattern_in_an_annotated_eligibility_method_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class LoyaltyProgram
        {
            [DecisionContext("eligibility")]
            public bool CanJoin(Customer customer) => customer is { [|Gender|]: "male", Tier: Tier.Gold };
        }
        """);

    [Fact]
    public Task An_extended_property_pattern_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class EscalationRouter
        {
            public bool Escalate(Ticket ticket) => ticket is { [|Customer.Age|]: > 70 };
        }
        """);

    [Fact]
    public Task A_linq_sort_key_in_a_named_prioritisation_method_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class TicketService
        {
            public IEnumerable<Ticket> PrioritiseQueue(IEnumerable<Ticket> tickets) =>
                tickets.OrderByDescending(t => [|t.Customer.Age|]).ThenBy(t => t.Id);
        }
        """);

    [Fact]
    public Task A_linq_query_filter_and_a_group_key_are_reported() => VerifyAsync("""
        using Shop.Domain;
        public class TicketService
        {
            public List<Ticket> PrioritiseSeniors(List<Ticket> tickets) =>
                (from t in tickets where [|t.Customer.DateOfBirth|].Year < 1960 select t).ToList();

            public object PrioritiseByGroup(List<Customer> customers) =>
                customers.GroupBy(c => new { [|c.Gender|], c.Region }).ToList();
        }
        """);

    [Fact]
    public Task A_value_returned_from_a_router_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class RegionRouter
        {
            public string QueueKey(Customer customer)
            {
                return "queue-" + [|customer.Address.PostalCode|];
            }
        }
        """);

    [Fact]
    public Task A_proxy_is_reported_and_named_as_a_proxy() => VerifyAsync("""
        using Shop.Domain;
        public class GreetingRouter
        {
            public string Route(Customer customer) => [|customer.FirstName|].EndsWith("a") ? "team-a" : "team-b";
        }
        """);

    [Fact]
    public async Task The_message_names_the_member_the_attribute_the_context_and_why()
    {
        var project = new TestProject()
            .AddSource("""
                using Shop.Domain;
                public class GreetingRouter
                {
                    public string Route(Customer customer) => customer.FirstName.EndsWith("a") ? "team-a" : "team-b";
                }
                """)
            .AddSource(FairnessTestCode.Domain, "Domain.cs")
            .AddPolicy(FairnessTestCode.Policy);
        var result = await AnalyzerVerifier.RunAsync(project, new ProtectedAttributeAnalyzer());

        var diagnostic = Assert.Single(result.WithId("SP2001"));
        Assert.Equal(
            "Customer.FirstName (proxy 'first-name' for protected attribute 'gender') is read in routing decision context GreetingRouter.Route (policy decisionContexts types '*Router')",
            diagnostic.GetMessage());
    }

    [Fact]
    public Task A_value_stored_in_a_local_and_compared_later_is_reported_at_the_read() => VerifyAsync("""
        using Shop.Domain;
        public class TicketRouter
        {
            public string Queue(Ticket ticket)
            {
                var gender = [|ticket.Customer.Gender|];
                var normalized = gender.ToLowerInvariant();
                if (normalized == "female")
                {
                    return "team-a";
                }

                return "team-b";
            }
        }
        """);

    [Fact]
    public Task A_dictionary_lookup_a_contains_check_and_a_score_are_reported() => VerifyAsync("""
        using Shop.Domain;
        public class PriorityRouter
        {
            private readonly Dictionary<string, int> _weights = new();
            private readonly HashSet<string> _fastTrack = new();

            public int Score(Customer customer)
            {
                var score = _weights[[|customer.Ethnicity|]];
                if (_fastTrack.Contains([|customer.Gender|])) score += 10;
                score += [|customer.Age|] / 10;
                return score;
            }
        }
        """);

    [Fact]
    public Task A_value_stored_in_the_decision_result_is_reported() => VerifyAsync("""
        using Shop.Domain;
        public class TicketRouter
        {
            public Route Decide(Ticket ticket) => new Route { Queue = [|ticket.Customer.Gender|] };
        }
        """);

    [Fact]
    public Task Annotations_alone_mark_the_attribute_and_the_context_without_any_policy() => VerifyAsync("""
        public class Applicant
        {
            [ProtectedAttribute("religion")]
            public string Religion { get; set; } = "";
        }

        [DecisionContext("eligibility")]
        public class CreditCheck
        {
            public bool Approve(Applicant applicant) => [|applicant.Religion|] != "none";
        }
        """, policy: null);

    [Fact]
    public Task A_decision_context_on_a_base_class_covers_derived_classes() => VerifyAsync("""
        [DecisionContext("routing")]
        public abstract class RoutingRule
        {
            public abstract string Apply(Person person);
        }

        public sealed class SeniorDesk : RoutingRule
        {
            public override string Apply(Person person) => [|person.Age|] > 65 ? "senior" : "general";
        }

        public class Person
        {
            [ProtectedAttribute("age")]
            public int Age { get; set; }
        }
        """, policy: null);

    [Fact]
    public Task An_annotation_on_an_interface_property_covers_reads_through_the_implementation() => VerifyAsync("""
        public interface IPerson
        {
            [ProtectedAttribute("disability")]
            bool HasDisability { get; }
        }

        public class Member : IPerson
        {
            public bool HasDisability { get; set; }
        }

        [DecisionContext("pricing")]
        public class Premiums
        {
            public decimal Quote(Member member) => [|member.HasDisability|] ? 120m : 100m;
        }
        """, policy: null);

    [Fact]
    public Task A_mediatr_handler_named_by_the_policy_is_checked() => VerifyAsync("""
        using Shop.Domain;
        namespace Shop.Application.Loyalty
        {
            public record CheckUpgrade(Customer Customer) : IRequest<bool>;

            public sealed class CheckUpgradeEligibilityHandler : IRequestHandler<CheckUpgrade, bool>
            {
                public Task<bool> Handle(CheckUpgrade request, CancellationToken cancellationToken)
                {
                    var customer = request.Customer;
                    var eligible = customer.Tier == Tier.Gold && [|customer.DateOfBirth|].Year > 1970;
                    return Task.FromResult(eligible);
                }
            }
        }
        """);

    [Fact]
    public Task A_minimal_api_lambda_inside_a_router_is_checked() => VerifyAsync("""
        using Shop.Domain;
        public sealed class WebApp
        {
            public void MapPost(string pattern, Delegate handler) { }
        }

        public static class TicketRouter
        {
            public static void Map(WebApp app)
            {
                app.MapPost("/tickets/route", (Ticket ticket) => [|ticket.Customer.Gender|] == "female" ? "team-a" : "team-b");
            }
        }
        """);

    [Fact]
    public Task An_aspnet_controller_named_as_a_router_is_checked() => VerifyAsync("""
        using Shop.Domain;
        public abstract class ControllerBase { }
        [AttributeUsage(AttributeTargets.Method)] public sealed class HttpPostAttribute : Attribute { }

        public sealed class TicketAssignmentRouter : ControllerBase
        {
            [HttpPost]
            public string Assign(Ticket ticket)
            {
                var customer = ticket.Customer;
                return customer.Tier switch
                {
                    Tier.Gold => "gold-desk",
                    _ when [|customer.Age|] > 80 => "assisted-desk",
                    _ => "general",
                };
            }
        }
        """);

    [Fact]
    public Task A_decision_context_on_a_property_covers_its_getter() => VerifyAsync("""
        using Shop.Domain;
        public class Quote
        {
            public Customer Customer { get; set; } = new();

            [DecisionContext("pricing")]
            public decimal Price => [|Customer.Age|] >= 65 ? 8m : 10m;

            public decimal ListPrice => Customer.Age >= 0 ? 10m : 10m;
        }
        """);

    // ------------------------------------------------------------------ no findings

    [Fact]
    public Task A_salutation_outside_any_decision_context_is_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public class GreetingService
        {
            public string Salutation(Customer customer) =>
                $"Dear {(customer.Gender == "female" ? "Ms" : "Mr")} {customer.FirstName}";
        }
        """);

    [Fact]
    public Task A_profile_page_returning_the_attribute_is_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public sealed class ProfileController
        {
            public object Get(Customer customer) => new { customer.FirstName, customer.Gender, customer.Age, customer.Ethnicity };
        }
        """);

    [Fact]
    public Task Logging_the_attribute_in_a_router_is_no_finding_for_this_rule() => VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using Shop.Domain;
        public class TicketRouter
        {
            private readonly ILogger<TicketRouter> _logger;
            public TicketRouter(ILogger<TicketRouter> logger) => _logger = logger;

            public string Queue(Ticket ticket)
            {
                _logger.LogInformation("Routing ticket {Id} for {Gender}", ticket.Id, ticket.Customer.Gender);
                return ticket.Priority > 2 ? "urgent" : "normal";
            }
        }
        """);

    [Fact]
    public Task Nameof_and_writes_in_a_router_are_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public class TicketRouter
        {
            public string Describe() => nameof(Customer.Gender);

            public void Anonymise(Customer customer)
            {
                customer.Gender = "";
                customer.Age = 0;
            }
        }
        """);

    [Fact]
    public Task Other_members_in_a_router_are_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public class TicketRouter
        {
            public string Queue(Ticket ticket) => ticket.Priority switch
            {
                > 3 => "urgent",
                _ when ticket.Subject.Contains("refund") => "billing",
                _ when ticket.Customer.Tier == Tier.Gold => "gold",
                _ => "general",
            };
        }
        """);

    [Fact]
    public Task A_compound_member_name_carrying_a_protected_attribute_is_reported() => VerifyAsync("""
        public class Profile
        {
            public string GenderIdentity { get; set; } = "";
            public string customer_ethnicity = "";
        }

        public class ProfileRouter
        {
            public string Queue(Profile profile) =>
                [|profile.GenderIdentity|] == "x" || [|profile.customer_ethnicity|] == "y" ? "team-a" : "team-b";
        }
        """);

    [Fact]
    public Task A_member_with_the_same_name_on_another_type_is_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public class ProductRouter
        {
            public string Shelf(Product product) => product.Gender == "unisex" ? "shelf-1" : "shelf-2";
        }
        """);

    [Fact]
    public Task Passing_the_value_to_an_unrelated_helper_is_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public static class Audit
        {
            public static void Record(string field, string value) { }
        }

        public class TicketRouter
        {
            public string Queue(Ticket ticket)
            {
                Audit.Record("gender", ticket.Customer.Gender);
                var copy = ticket.Customer.Ethnicity;
                Audit.Record("ethnicity", copy);
                return "general";
            }
        }
        """);

    [Fact]
    public Task Methods_that_only_look_like_a_named_context_are_no_finding() => VerifyAsync("""
        using Shop.Domain;
        public class ReportService
        {
            public IEnumerable<Customer> PrioritiseReport(IEnumerable<Customer> customers) => customers.OrderBy(c => c.Age);
        }

        public class RouterConfiguration
        {
            public bool IsFemale(Customer customer) => customer.Gender == "female";
        }
        """);

    [Fact]
    public Task Generated_code_is_skipped() => VerifyAsync("""
        // <auto-generated/>
        using Shop.Domain;
        public class GeneratedRouter
        {
            public string Queue(Ticket ticket) => ticket.Customer.Gender == "female" ? "a" : "b";
        }
        """);

    [Fact]
    public Task Without_a_policy_the_name_bindings_do_not_apply() => VerifyAsync("""
        using Shop.Domain;
        public class TicketRouter
        {
            public string Queue(Ticket ticket) => ticket.Customer.Gender == "female" ? "a" : "b";
        }
        """, policy: null);

    [Fact]
    public Task A_local_function_outside_the_context_called_from_it_is_judged_where_it_is_declared() => VerifyAsync("""
        using Shop.Domain;
        public static class Formatting
        {
            public static string Title(Customer customer) => customer.Gender == "female" ? "Ms" : "Mr";
        }

        public class TicketRouter
        {
            public string Queue(Ticket ticket)
            {
                var title = Formatting.Title(ticket.Customer);
                return title.Length > 0 ? "general" : "general";
            }
        }
        """);
}
