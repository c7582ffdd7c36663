namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Fairness;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Tests.Fairness;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>SP9003: an exception inside an analyzer becomes a diagnostic with context, never an AD0001.</summary>
public sealed class FailureContainmentTests
{
    private static readonly DiagnosticDescriptor Found = new("TEST01", "found", "found {0}", "Test", DiagnosticSeverity.Warning, true);

    [Fact]
    public async Task An_exception_in_an_operation_callback_is_reported_where_it_happened_and_analysis_goes_on()
    {
        var project = new TestProject().AddSource("""
            public class C
            {
                public void M()
                {
                    {|SP9003:Boom()|};
                    {|TEST01:Fine()|};
                }

                private void Boom() { }
                private void Fine() { }
            }
            """);

        await AnalyzerVerifier.VerifyAsync(project, new DiagnosticAnalyzer[] { new ThrowingAnalyzer(ThrowIn.Operation) });

        var result = await AnalyzerVerifier.RunAsync(project, new ThrowingAnalyzer(ThrowIn.Operation));
        var failure = Assert.Single(result.WithId("SP9003"));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "AD0001");
        var message = failure.GetMessage();
        Assert.Contains("ThrowingAnalyzer", message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", message, StringComparison.Ordinal);
        Assert.Contains("the policy said no", message, StringComparison.Ordinal);
        Assert.Contains("Boom()", message, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.Properties["ExceptionType"]);
    }

    [Fact]
    public async Task An_exception_while_starting_the_compilation_is_reported_once_without_a_location()
    {
        var project = new TestProject().AddSource("public class C { }");
        var result = await AnalyzerVerifier.RunAsync(project, new ThrowingAnalyzer(ThrowIn.CompilationStart));

        var failure = Assert.Single(result.WithId("SP9003"));
        Assert.Equal(Location.None, failure.Location);
        Assert.Contains("(start)", failure.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.AnalyzerExceptions);
    }

    [Fact]
    public Task An_exception_in_a_block_start_callback_is_reported_on_the_member() =>
        AnalyzerVerifier.VerifyAsync(
            new TestProject().AddSource("""
                public class C
                {
                    public void {|SP9003:M|}() { }
                }
                """),
            new DiagnosticAnalyzer[] { new ThrowingAnalyzer(ThrowIn.BlockStart) });

    [Fact]
    public Task A_failure_inside_a_real_analyzer_is_contained_and_its_other_findings_survive()
    {
        var analyzer = new ProtectedAttributeAnalyzer
        {
            OnReference = operation =>
            {
                if (operation is IPropertyReferenceOperation { Property.Name: "Gender" })
                {
                    throw new NotSupportedException("simulated classifier failure");
                }
            },
        };
        var project = new TestProject()
            .AddSource("""
                using Shop.Domain;
                public class TicketRouter
                {
                    public string Queue(Ticket ticket) =>
                        {|SP9003:ticket.Customer.Gender|} == "f" || {|SP2001:ticket.Customer.Age|} > 60 ? "a" : "b";
                }
                """)
            .AddSource(FairnessTestCode.Domain, "Domain.cs")
            .AddPolicy(FairnessTestCode.Policy);

        return AnalyzerVerifier.VerifyAsync(project, new DiagnosticAnalyzer[] { analyzer });
    }

    [Fact]
    public void Cancellation_is_not_swallowed()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.True(SafeAnalyzer.IsCancellation(new OperationCanceledException(source.Token), source.Token));
        Assert.False(SafeAnalyzer.IsCancellation(new OperationCanceledException(), CancellationToken.None));
    }

    public enum ThrowIn
    {
        Operation,
        CompilationStart,
        BlockStart,
    }

    /// <summary>An analyzer built on the same infrastructure that fails on purpose.</summary>
    private sealed class ThrowingAnalyzer : PolicyAnalyzer
    {
        private readonly ThrowIn _where;

        public ThrowingAnalyzer(ThrowIn where) => _where = where;

        protected override ImmutableArray<DiagnosticDescriptor> Rules => ImmutableArray.Create(Found);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
        {
            switch (_where)
            {
                case ThrowIn.CompilationStart:
                    throw new InvalidOperationException("the policy said no");
                case ThrowIn.BlockStart:
                    context.RegisterSafeOperationBlockStartAction(Name, _ => throw new InvalidOperationException("block start failed"));
                    break;
                default:
                    context.RegisterSafeOperationAction(Name, operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        if (invocation.TargetMethod.Name == "Boom")
                        {
                            throw new InvalidOperationException("the policy said no");
                        }

                        if (invocation.TargetMethod.Name == "Fine")
                        {
                            operation.ReportDiagnostic(Diagnostic.Create(Found, invocation.Syntax.GetLocation(), "Fine"));
                        }
                    }, OperationKind.Invocation);
                    break;
            }
        }
    }
}
