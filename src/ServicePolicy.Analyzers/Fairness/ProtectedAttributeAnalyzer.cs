namespace ServicePolicy.Analyzers.Fairness;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;

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
        ImmutableArray.Create(Descriptors.SP2001ProtectedAttributeInDecision, Descriptors.SP9004BodyTooLarge);

    /// <summary>Test seam: called for every member reference analyzed (to prove failures are contained).</summary>
    internal Action<IOperation>? OnReference { get; set; }

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
    {
        // A semantic model action per file, not operation actions: the analyzer driver builds the operations
        // of every body it hands to an operation action, while this rule needs only the bodies in a decision
        // context that name a member which may be protected. Those are found from syntax and one cached answer
        // per type (or member); only they get operations. (A symbol-start action per type was tried first and
        // cost about 30 s of CPU in driver bookkeeping on a 200,000-line build: docs/performance.md.)
        // A body that names no member that may be protected cannot read one: it is skipped from syntax.
        var filter = new BuiltOnce<ProtectedNameFilter>();
        context.RegisterSafeSemanticModelAction(Name, file => AnalyzeFile(file, policy, filter.Get(
            () => ProtectedNameFilter.Build(policy.Compilation, policy.Symbols.Bindings, policy.Symbols, file.CancellationToken))));
    }

    private void AnalyzeFile(SemanticModelAnalysisContext context, PolicyContext policy, ProtectedNameFilter filter)
    {
        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        var symbols = policy.Symbols;
        var typeAnswers = new Dictionary<SyntaxNode, bool>();
        foreach (var member in policy.ExecutableCodeOf(model.SyntaxTree, cancellationToken))
        {
            SafeAnalyzer.Contain(Name, context.ReportDiagnostic, member.Declaration, cancellationToken, () =>
            {
                if ((filter.MemberLevelDecisionContexts || InDecisionContextType(member, model, symbols, typeAnswers, cancellationToken))
                    && filter.MayRead(member.OperationNode))
                {
                    AnalyzeMember(context, symbols, member);
                }
            });
        }
    }

    /// <summary>
    /// When only types can be decision contexts, one answer per type declaration rules out the members of every
    /// other type before anything else is looked at. Top-level statements have no type declaration: asked per member.
    /// </summary>
    private static bool InDecisionContextType(ExecutableMember member, SemanticModel model, SymbolClassifier symbols, Dictionary<SyntaxNode, bool> answers, CancellationToken cancellationToken)
    {
        var type = member.Declaration.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        if (type == null)
        {
            return true;
        }

        if (!answers.TryGetValue(type, out var answer))
        {
            answer = model.GetDeclaredSymbol(type, cancellationToken) is { } symbol && symbols.GetDecisionContext(symbol) != null;
            answers.Add(type, answer);
        }

        return answer;
    }

    private void AnalyzeMember(SemanticModelAnalysisContext context, SymbolClassifier symbols, ExecutableMember member)
    {
        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        var owner = ExecutableCode.OwningSymbol(model, member, cancellationToken);
        var decision = owner == null ? null : symbols.GetDecisionContext(owner);
        if (decision == null || ExecutableCode.IsMarkedGenerated(owner))
        {
            return;
        }

        if (BodyBudget.Exceeded(member.OperationNode, cancellationToken) is { } tooLarge)
        {
            context.ReportDiagnostic(BodyBudget.Report(member.Declaration, Descriptors.SP2001ProtectedAttributeInDecision.Id, tooLarge));
            return;
        }

        var root = model.GetOperation(member.OperationNode, cancellationToken);
        if (root == null)
        {
            return;
        }

        var report = (Action<Diagnostic>)context.ReportDiagnostic;
        var state = new BlockState(owner!, decision);
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation or IFieldReferenceOperation:
                    SafeAnalyzer.Contain(Name, report, operation, cancellationToken, () => OnMemberReference(operation, report, symbols, state));
                    break;
                case ILocalReferenceOperation local:
                    state.AddLocalReference(local);
                    break;
            }
        }

        ReportLocals(report, symbols, state);
    }

    private void OnMemberReference(IOperation operation, Action<Diagnostic> report, SymbolClassifier symbols, BlockState state)
    {
        OnReference?.Invoke(operation);
        var member = operation switch
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

        switch (DecisionUse.Classify(operation, m => IsDecisionMethod(symbols, m), out var local))
        {
            case DecisionUseKind.Decides:
                state.Report(report, operation, member, info);
                break;
            case DecisionUseKind.StoredInLocal when local != null:
                state.AddOrigin(local, new Origin(operation, member, info));
                break;
        }
    }

    /// <summary>At the end of the body: a local holding a protected value decides when one of its uses does.</summary>
    private static void ReportLocals(Action<Diagnostic> report, SymbolClassifier symbols, BlockState state)
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
                            state.Report(report, origin.Reference, origin.Member, origin.Info);
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
