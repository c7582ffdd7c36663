namespace ServicePolicy.Analyzers.Tests.Fairness;

using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Fairness;
using ServicePolicy.Analyzers.Tests.Harness;
using ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// SP2001 decides from syntax which bodies to bind: only members of decision-context types when no member
/// can be a decision context on its own, and only bodies that name a member that may be protected. These
/// tests cover the shapes that must get through: member-level contexts named by annotation only, annotated
/// attributes the policy does not name, and the type-level shortcut itself.
/// </summary>
public sealed class ProtectedAttributePrefilterTests
{
    private const string TypesOnlyPolicy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: types-only
        classification:
          protectedAttributes:
            - id: gender
              symbols: ["Customer.Gender"]
        analyzers:
          decisionContexts:
            - context: routing
              types: ["*Router"]
        """;

    private static Task VerifyAsync(string markup, string? policy) =>
        AnalyzerVerifier.VerifyAsync(
            policy == null ? new TestProject().AddSource(markup).AddSource(FairnessTestCode.Domain, "Domain.cs")
                : new TestProject().AddSource(markup).AddSource(FairnessTestCode.Domain, "Domain.cs").AddPolicy(policy),
            new DiagnosticAnalyzer[] { new ProtectedAttributeAnalyzer() });

    [Fact]
    public Task With_type_level_contexts_only_a_router_is_checked_and_other_types_are_not() => VerifyAsync("""
        using Shop.Domain;

        public sealed class TicketRouter
        {
            public string Queue(Customer customer) => [|customer.Gender|] == "f" ? "a" : "b";
        }

        public sealed class Greeting
        {
            public string Salute(Customer customer) => customer.Gender == "f" ? "Dear Ms" : "Dear Mr";
        }
        """, TypesOnlyPolicy);

    [Fact]
    public Task A_method_annotated_as_a_decision_context_in_an_ordinary_type_is_checked() => VerifyAsync("""
        using Shop.Domain;

        public sealed class Discounts
        {
            [DecisionContext("pricing")]
            public decimal Rate(Customer customer) => [|customer.Gender|] == "f" ? 0.1m : 0m;

            public string Label(Customer customer) => customer.Gender;
        }
        """, TypesOnlyPolicy);

    [Fact]
    public Task An_interface_method_annotated_as_a_decision_context_covers_its_implementation() => VerifyAsync("""
        using Shop.Domain;

        public interface IEligibility
        {
            [DecisionContext("eligibility")]
            bool Eligible(Customer customer);
        }

        public sealed class Loyalty : IEligibility
        {
            public bool Eligible(Customer customer) => [|customer.Gender|] != "x";
        }
        """, TypesOnlyPolicy);

    [Fact]
    public Task An_annotated_attribute_the_policy_does_not_name_is_still_read() => VerifyAsync("""
        public class Patient
        {
            [ProtectedAttribute("disability")]
            public bool UsesWheelchair { get; set; }
        }

        public sealed class TriageRouter
        {
            public int Priority(Patient patient) => [|patient.UsesWheelchair|] ? 1 : 2;
        }
        """, TypesOnlyPolicy);

    [Fact]
    public void The_filter_knows_the_names_and_whether_members_can_be_contexts()
    {
        var (typesOnly, typesOnlyCompilation) = ClassifierTestHelper.Create("""
            public class Patient
            {
                [ProtectedAttribute("disability")]
                public bool UsesWheelchair { get; set; }
            }
            """, TypesOnlyPolicy);
        var filter = ProtectedNameFilter.Build(typesOnlyCompilation, typesOnly.Symbols.Bindings, typesOnly.Symbols, CancellationToken.None);

        Assert.False(filter.MemberLevelDecisionContexts);
        Assert.True(filter.Matches("Gender"));
        Assert.True(filter.Matches("UsesWheelchair"));
        Assert.False(filter.Matches("Email"));

        var (withMethods, withMethodsCompilation) = ClassifierTestHelper.Create("public class Empty { }", FairnessTestCode.Policy);
        Assert.True(ProtectedNameFilter.Build(withMethodsCompilation, withMethods.Symbols.Bindings, withMethods.Symbols, CancellationToken.None).MemberLevelDecisionContexts);

        var (annotated, annotatedCompilation) = ClassifierTestHelper.Create("""
            public class Plans
            {
                [DecisionContext("pricing")]
                public decimal Price() => 1m;
            }
            """, TypesOnlyPolicy);
        Assert.True(ProtectedNameFilter.Build(annotatedCompilation, annotated.Symbols.Bindings, annotated.Symbols, CancellationToken.None).MemberLevelDecisionContexts);
    }
}
