namespace ServicePolicy.Analyzers.Privacy;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// What SP1001 and SP1002 share: both read the one flow result per method body (computed once in
/// the per-compilation <see cref="PrivacyFlow"/> cache) and differ only in which sink hits they report.
/// </summary>
/// <remarks>
/// A semantic model action per file rather than an operation block action: the analyzer driver builds
/// the operation tree of every body it hands to an operation block action, for every method of the
/// project. The file's bodies are found from syntax (<see cref="ExecutableCode"/>), and only those that
/// call a method whose name may be a sink (<see cref="SinkNameFilter"/>) get operations and a flow
/// analysis: about one body in ten on the 200,000-line project of docs/performance.md.
/// </remarks>
public abstract class PrivacyFlowAnalyzer : PolicyAnalyzer
{
    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
    {
        var flow = PrivacyFlow.For(policy);
        if (!flow.IsActive)
        {
            return;
        }

        context.RegisterSafeSemanticModelAction(Name, model => AnalyzeFile(model, flow));
    }

    private void AnalyzeFile(SemanticModelAnalysisContext context, PrivacyFlow flow)
    {
        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        var filter = flow.SinkNames(cancellationToken);
        foreach (var member in flow.Policy.ExecutableCodeOf(model.SyntaxTree, cancellationToken))
        {
            if (!filter.MayReachSink(member.OperationNode))
            {
                continue;
            }

            SafeAnalyzer.Contain(Name, context.ReportDiagnostic, member.Declaration, cancellationToken, () =>
            {
                var owner = ExecutableCode.OwningSymbol(model, member, cancellationToken);
                if (ExecutableCode.IsMarkedGenerated(owner))
                {
                    return;
                }

                // The other privacy rule (or a caller's summary) may have analysed this body already.
                if (!flow.Cache.TryGetResult(member.OperationNode, out var result))
                {
                    // Measured from syntax before anything is bound: binding a huge body is itself the cost to avoid.
                    if (BodyBudget.Exceeded(member.OperationNode, cancellationToken) is { } reason)
                    {
                        result = flow.Cache.Skip(member.OperationNode, reason);
                    }
                    else if (model.GetOperation(member.OperationNode, cancellationToken) is { } root && MethodFlowAnalyzer.IsAnalyzableRoot(root))
                    {
                        result = flow.Cache.AnalyzeForFindings(root, owner as IMethodSymbol, cancellationToken);
                    }
                }

                if (result.TooLarge is { } tooLarge)
                {
                    context.ReportDiagnostic(BodyBudget.Report(member.Declaration, Rules[0].Id, tooLarge));
                    return;
                }

                Report(context.ReportDiagnostic, flow, result);
            });
        }
    }

    /// <summary>Reports this rule's findings among the hits of one method body.</summary>
    private protected abstract void Report(Action<Diagnostic> report, PrivacyFlow flow, MethodFlowResult result);
}
