namespace ServicePolicy.Analyzers.Tests.Privacy;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Privacy;
using ServicePolicy.Analyzers.Privacy.Flow;
using ServicePolicy.Analyzers.Tests.Harness;
using ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// SP1001 and SP1002 build no control flow graph for a body in which no value can be personal data
/// (<see cref="PersonalSources"/>). The check must see every way personal data enters a body, including
/// those that name no personal member; and a body it skips must still pass its parameters on to a sink
/// for its callers.
/// </summary>
public sealed class PersonalSourcesTests
{
    private const string Usings = PrivacyFixture.LoggingAndIntegrationUsings;

    [Fact]
    public Task Helpers_with_no_personal_data_of_their_own_still_carry_it_for_callers_analysed_after_them() =>
        AnalyzerVerifier.VerifyAsync(
            PrivacyFixture.Project(Usings + """
                public sealed class Outbox(IPartnerCrmClient crm, ILogger logger)
                {
                    public void Enqueue(string item) => crm.Upsert(item.Trim());

                    public void Note(string text) => logger.LogInformation("Queued {Text}", text);
                }

                public sealed class Signup(Outbox outbox)
                {
                    public void Done(Customer customer)
                    {
                        outbox.Enqueue({|SP1001:customer.Email|});
                        outbox.Note({|SP1002:customer.PhoneNumber|});
                    }
                }
                """),
            new DiagnosticAnalyzer[] { new PersonalDataToThirdPartyAnalyzer(), new PersonalDataToLogAnalyzer() });

    [Fact]
    public void A_body_that_only_logs_ids_and_counts_holds_no_personal_data()
    {
        Assert.False(MayHold("""
            public void Run(Guid ticketId, int attempts) => logger.LogInformation("Ticket {Id} retried {N} times", ticketId, attempts);
            """));
    }

    [Theory]
    [InlineData("public void Run(Customer customer) => logger.LogInformation(\"{C}\", customer);")]
    [InlineData("public void Run(Guid id) => logger.LogInformation(\"{E}\", repository.Find(id).Email);")]
    [InlineData("public void Run(Guid id) { var found = repository.Find(id); logger.LogInformation(\"{Id}\", id); }")]
    [InlineData("public void Run(object payload) { if (payload is Customer c) logger.LogInformation(\"customer\"); }")]
    [InlineData("public void Run(IEnumerable<object> all) { foreach (Customer c in all) logger.LogInformation(\"one\"); }")]
    [InlineData("public void Run([PersonalData(\"contact\")] string contact) => logger.LogInformation(\"{C}\", contact);")]
    [InlineData("public void Run(Order order) => logger.LogInformation(\"{P}\", order.Buyer);")]
    [InlineData("public void Run(Guid id) => logger.LogInformation(\"{N}\", new Func<Customer>(() => repository.Find(id))().Tier);")]
    public void Each_way_personal_data_enters_a_body_is_seen(string method)
    {
        Assert.True(MayHold(method));
    }

    private static bool MayHold(string method)
    {
        var source = Usings + $$"""
            public interface IRepository { Customer Find(Guid id); }

            public sealed class Subject(ILogger logger, IRepository repository)
            {
                {{method}}
            }
            """ + PrivacyFixture.Stubs;
        var (context, compilation) = ClassifierTestHelper.Create(source, PrivacyFixture.Policy);
        var tree = compilation.SyntaxTrees.First();
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Run");
        var operation = compilation.GetSemanticModel(tree).GetOperation(declaration)!;
        return PersonalSources.MayHold(operation, new PolicyPrivacyRoles(context.Symbols), summaries: null, CancellationToken.None);
    }
}
