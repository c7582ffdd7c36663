using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Privacy.Flow;

namespace ServicePolicy.Analyzers.Privacy;

/// <summary>
/// What SP1001 and SP1002 share: both read the one flow result per method body (computed once in
/// the per-compilation <see cref="PrivacyFlow"/> cache) and differ only in which sink hits they report.
/// </summary>
public abstract class PrivacyFlowAnalyzer : PolicyAnalyzer
{
    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
    {
        var flow = PrivacyFlow.For(policy);
        if (!flow.IsActive)
        {
            return;
        }

        context.RegisterSafeOperationBlockAction(Name, block => AnalyzeBlock(block, flow));
    }

    private void AnalyzeBlock(OperationBlockAnalysisContext context, PrivacyFlow flow)
    {
        foreach (var root in MethodFlowAnalyzer.RootsOf(context.OperationBlocks))
        {
            var result = flow.Cache.Analyze(root, context.OwningSymbol as IMethodSymbol, context.CancellationToken);
            Report(context, flow, result);
        }
    }

    /// <summary>Reports this rule's findings among the hits of one method body.</summary>
    private protected abstract void Report(OperationBlockAnalysisContext context, PrivacyFlow flow, MethodFlowResult result);
}
