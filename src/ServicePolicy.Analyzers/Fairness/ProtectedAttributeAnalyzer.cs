using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;

namespace ServicePolicy.Analyzers.Fairness;

/// <summary>
/// SP2001: a protected attribute (or a declared proxy for one) is read inside a decision context
/// (routing, prioritisation, pricing, eligibility) and the value decides something there: it is
/// compared, switched on, matched by a pattern, used as a condition, a lookup or sort key, computed
/// with, stored in the result or returned (a LINQ key lambda returns it). Values stored in a local
/// are followed to where the local is used. The same read outside a decision context is no finding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtectedAttributeAnalyzer : PolicyAnalyzer
{
    protected override ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        ImmutableArray.Create(Descriptors.SP2001ProtectedAttributeInDecision);

    /// <summary>Test seam: called for every member reference analyzed (to prove failures are contained).</summary>
    internal Action<IOperation>? OnReference { get; set; }

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
    {
        var symbols = policy.Symbols;

        // Operation blocks, not a symbol-start action per type: the analyzer driver's bookkeeping for
        // symbol-start actions cost about 30 s of CPU on a 200,000-line build (measured, see
        // docs/performance.md), while operation trees are built anyway for the privacy rules. The
        // decision-context question is answered once per symbol and cached, so the early return for
        // the many bodies outside any decision context is cheap.
        // AnalyzeBlock contains its own exceptions (it reports SP9003 at the block).
        context.RegisterOperationBlockStartAction(block => AnalyzeBlock(block, symbols));
    }

    private void AnalyzeBlock(OperationBlockStartAnalysisContext block, SymbolClassifier symbols)
    {
        try
        {
            var decision = symbols.GetDecisionContext(block.OwningSymbol);
            if (decision == null)
            {
                return;
            }

            var state = new BlockState(block.OwningSymbol, decision);
            block.RegisterSafeOperationAction(Name, operation => OnMemberReference(operation, symbols, state), OperationKind.PropertyReference, OperationKind.FieldReference);
            block.RegisterSafeOperationAction(Name, operation => state.AddLocalReference((ILocalReferenceOperation)operation.Operation), OperationKind.LocalReference);
            block.RegisterSafeOperationBlockEndAction(Name, end => ReportLocals(end, symbols, state));
        }
        catch (Exception ex) when (!SafeAnalyzer.IsCancellation(ex, block.CancellationToken))
        {
            var location = block.OwningSymbol.Locations.FirstOrDefault() ?? Location.None;
            block.RegisterOperationBlockEndAction(end => end.ReportDiagnostic(SafeAnalyzer.Failure(Name, ex, location, $"{block.OwningSymbol.Kind} {block.OwningSymbol.Name}")));
        }
    }

    private void OnMemberReference(OperationAnalysisContext context, SymbolClassifier symbols, BlockState state)
    {
        OnReference?.Invoke(context.Operation);
        var member = context.Operation switch
        {
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (member == null)
        {
            return;
        }

        var info = symbols.GetProtectedAttribute(member);
        if (info == null)
        {
            return;
        }

        switch (DecisionUse.Classify(context.Operation, m => IsDecisionMethod(symbols, m), out var local))
        {
            case DecisionUseKind.Decides:
                state.Report(context.ReportDiagnostic, context.Operation, member, info);
                break;
            case DecisionUseKind.StoredInLocal when local != null:
                state.AddOrigin(local, new Origin(context.Operation, member, info));
                break;
        }
    }

    /// <summary>At the end of the body: a local holding a protected value decides when one of its uses does.</summary>
    private static void ReportLocals(OperationBlockAnalysisContext context, SymbolClassifier symbols, BlockState state)
    {
        // Locals copied into other locals pass their origins on; a few rounds settle any chain.
        for (var round = 0; round < 4; round++)
        {
            var changed = false;
            foreach (var reference in state.LocalReferences())
            {
                var origins = state.OriginsOf(reference.Local);
                if (origins.Count == 0)
                {
                    continue;
                }

                switch (DecisionUse.Classify(reference, m => IsDecisionMethod(symbols, m), out var next))
                {
                    case DecisionUseKind.Decides:
                        foreach (var origin in origins)
                        {
                            state.Report(context.ReportDiagnostic, origin.Reference, origin.Member, origin.Info);
                        }

                        break;
                    case DecisionUseKind.StoredInLocal when next != null && !SymbolEqualityComparer.Default.Equals(next, reference.Local):
                        foreach (var origin in origins)
                        {
                            changed |= state.AddOrigin(next, origin);
                        }

                        break;
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    private static bool IsDecisionMethod(SymbolClassifier symbols, IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && symbols.GetDecisionContext(method) != null;

    private sealed record Origin(IOperation Reference, ISymbol Member, ProtectedAttributeInfo Info);

    /// <summary>What one body in a decision context has seen; callbacks of a body may run on several threads.</summary>
    private sealed class BlockState
    {
        private readonly ISymbol _owner;
        private readonly DecisionContextInfo _decision;
        private readonly Dictionary<ILocalSymbol, List<Origin>> _origins = new(SymbolEqualityComparer.Default);
        private readonly List<ILocalReferenceOperation> _localReferences = new();
        private readonly HashSet<IOperation> _reported = new();

        public BlockState(ISymbol owner, DecisionContextInfo decision)
        {
            _owner = owner;
            _decision = decision;
        }

        public void AddLocalReference(ILocalReferenceOperation reference)
        {
            lock (this)
            {
                _localReferences.Add(reference);
            }
        }

        public IReadOnlyList<ILocalReferenceOperation> LocalReferences()
        {
            lock (this)
            {
                return _localReferences.ToArray();
            }
        }

        public bool AddOrigin(ILocalSymbol local, Origin origin)
        {
            lock (this)
            {
                if (!_origins.TryGetValue(local, out var list))
                {
                    list = new List<Origin>();
                    _origins.Add(local, list);
                }

                if (list.Any(o => ReferenceEquals(o.Reference, origin.Reference)))
                {
                    return false;
                }

                list.Add(origin);
                return true;
            }
        }

        public IReadOnlyList<Origin> OriginsOf(ILocalSymbol local)
        {
            lock (this)
            {
                return _origins.TryGetValue(local, out var list) ? list.ToArray() : Array.Empty<Origin>();
            }
        }

        public void Report(Action<Diagnostic> report, IOperation reference, ISymbol member, ProtectedAttributeInfo info)
        {
            lock (this)
            {
                if (!_reported.Add(reference))
                {
                    return;
                }
            }

            var where = $"{SymbolNames.ShortName(_owner)} ({_decision.Reason})";
            report(Diagnostic.Create(Descriptors.SP2001ProtectedAttributeInDecision, reference.Syntax.GetLocation(), SymbolNames.ShortName(member), info.Describe(), _decision.Kind, where));
        }
    }
}
