namespace ServicePolicy.Analyzers.Communication;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Core.Text;

/// <summary>
/// SP3001: text written in the code that reaches a customer contains a banned claim or a
/// disrespectful term of the policy, in any of its languages. Customer-facing text is an argument
/// of a <c>[CustomerFacingText]</c> parameter (or of a method the policy names), a value assigned to
/// a <c>[CustomerFacingText]</c> property or field (initializers included), or the value returned by
/// a <c>[CustomerFacingText]</c> member. Phrases are found by the same matcher the runtime engine uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CustomerTextAnalyzer : PolicyAnalyzer
{
    protected override ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        ImmutableArray.Create(Descriptors.SP3001BannedPhraseInCustomerText);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
    {
        var phrases = policy.Phrases;
        if (phrases.PhraseCount == 0 && phrases.PatternCount == 0)
        {
            return;
        }

        // Syntax first: the text of every literal is scanned without binding anything; only a body that
        // holds a banned phrase is bound and searched for where its text goes. Binding every method body
        // into operations would cost about as much as compiling the project once more. One walk over the
        // tokens of each file, rather than a syntax node action, also spares the driver's per-declaration
        // dispatch of every node.
        var checker = new Checker(policy.Symbols, phrases);
        context.RegisterSafeSemanticModelAction(Name, file => OnFile(file, checker));
    }

    private void OnFile(SemanticModelAnalysisContext context, Checker checker)
    {
        var cancellationToken = context.CancellationToken;
        var tree = context.SemanticModel.SyntaxTree;
        if (!checker.MayHoldBannedText(tree.GetText(cancellationToken).ToString()))
        {
            return;
        }

        var runs = new LiteralConcatenations();
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            var node = token.Parent;
            string? text = null;
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    // Literals joined by + are scanned together, once per run.
                    var run = runs.RunOf(literal, out var first);
                    text = first ? run.Text : null;
                    break;
                case InterpolatedStringTextSyntax part:
                    text = part.TextToken.ValueText;
                    break;
            }

            if (text != null)
            {
                SafeAnalyzer.Contain(Name, context.ReportDiagnostic, node!, cancellationToken, () => checker.OnText(node!, text, context));
            }
        }
    }

    /// <summary>Where findings go (the syntax node action's ReportDiagnostic).</summary>
    private sealed class Reporter
    {
        private readonly Action<Diagnostic> _report;

        public Reporter(Action<Diagnostic> report) => _report = report;

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }

    private sealed class Checker
    {
        /// <summary>
        /// A literal, <c>+</c> and another literal (parentheses, verbatim and interpolation prefixes allowed):
        /// such literals are joined before they are scanned, so a phrase may span them. A literal joined to a
        /// variable (<c>"Dear " + name</c>) is scanned on its own, as it is written.
        /// </summary>
        private static readonly Regex JoinedLiterals = new("\"[\\s)]*\\+[\\s(]*[@$]*\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private readonly SymbolClassifier _symbols;
        private readonly PhraseMatcher _phrases;

        // Most calls have no customer-facing parameter; this answers that once per method.
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _hasTextParameter = new(SymbolEqualityComparer.Default);

        // One finding per piece of text and phrase, even when the text reaches customers on several paths.
        private readonly ConcurrentDictionary<(SyntaxTree, int, int, string), byte> _reported = new();

        // Each body holding a banned phrase is searched once, however many literals it has.
        private readonly ConcurrentDictionary<SyntaxNode, byte> _searchedBodies = new();

        public Checker(SymbolClassifier symbols, PhraseMatcher phrases)
        {
            _symbols = symbols;
            _phrases = phrases;
        }

        /// <summary>
        /// Whether a file may hold a literal with a banned phrase, from its text alone (a walk over every token of
        /// every file cost more than all the rest of this rule). Without escape sequences that may hide a letter
        /// or a space and without literals joined to literals by <c>+</c>, a literal's text is written out in the
        /// file as it is, so a phrase in a literal is a phrase in the file's text; words elsewhere (comments,
        /// names) only send the file to the full walk.
        /// Regular-expression patterns may be anchored to a literal's start or end, so with patterns every
        /// file is walked.
        /// </summary>
        public bool MayHoldBannedText(string fileText)
        {
            if (_phrases.PatternCount > 0 || _phrases.HasQuoteOrBackslash || HasEscapeThatMayHideText(fileText) || JoinedLiterals.IsMatch(fileText))
            {
                return true;
            }

            return HasBannedPhrase(fileText);
        }

        /// <summary>
        /// An escape sequence other than <c>\"</c> and <c>\\</c> (<c>\n</c>, <c>\u0065</c>...) stands for a letter or a
        /// space, so the file's text may not show a phrase its literal holds. <c>\"</c> and <c>\\</c> stand for
        /// characters no phrase holds (a policy with a phrase holding them has every file walked).
        /// </summary>
        private static bool HasEscapeThatMayHideText(string fileText)
        {
            for (var i = fileText.IndexOf('\\'); i >= 0 && i < fileText.Length; i = fileText.IndexOf('\\', i))
            {
                var next = i + 1 < fileText.Length ? fileText[i + 1] : '\0';
                if (next != '"' && next != '\\')
                {
                    return true;
                }

                i += 2;
            }

            return false;
        }

        public void OnText(SyntaxNode node, string text, SemanticModelAnalysisContext context)
        {
            if (text.Length == 0 || !HasBannedPhrase(text))
            {
                return;
            }

            var operation = context.SemanticModel.GetOperation(node, context.CancellationToken);
            if (operation == null)
            {
                return;
            }

            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            if (!_searchedBodies.TryAdd(root.Syntax, 0))
            {
                return;
            }

            var member = DeclaringMember(context.SemanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken));
            if (ExecutableCode.IsMarkedGenerated(member))
            {
                return;
            }

            var report = new Reporter(context.ReportDiagnostic);
            foreach (var candidate in root.DescendantsAndSelf())
            {
                switch (candidate)
                {
                    case IInvocationOperation or IObjectCreationOperation:
                        OnCall(candidate, report);
                        break;
                    case ISimpleAssignmentOperation assignment:
                        OnAssignment(assignment, report);
                        break;
                    case IPropertyInitializerOperation or IFieldInitializerOperation:
                        OnInitializer(candidate, report);
                        break;
                    case IReturnOperation returned when member != null:
                        OnReturn(returned, member, report);
                        break;
                }
            }
        }

        private bool HasBannedPhrase(string text)
        {
            foreach (var match in _phrases.Scan(text).Matches)
            {
                if (match.Kind != PhraseKind.Promise)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member a position belongs to: lambdas and local functions climb to it.</summary>
        private static ISymbol? DeclaringMember(ISymbol? symbol)
        {
            var current = symbol;
            for (var depth = 0; depth < 64 && current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }; depth++)
            {
                current = current.ContainingSymbol;
            }

            return current;
        }

        private void OnCall(IOperation operation, Reporter context)
        {
            var (method, arguments) = operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method == null || arguments.IsEmpty || !HasTextParameter(method))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && _symbols.IsCustomerFacingText(method, argument.Parameter))
                {
                    Check(context, argument.Value, $"{SymbolNames.ShortName(RelatedMembers.Normalize(method))}({argument.Parameter.Name})");
                }
            }
        }

        private bool HasTextParameter(IMethodSymbol method)
        {
            if (_hasTextParameter.TryGetValue(method, out var known))
            {
                return known;
            }

            var any = method.Parameters.Any(p => _symbols.IsCustomerFacingText(method, p));
            return _hasTextParameter.GetOrAdd(method, any);
        }

        private void OnAssignment(ISimpleAssignmentOperation assignment, Reporter context)
        {
            var member = assignment.Target switch
            {
                IPropertyReferenceOperation property => (ISymbol)property.Property,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };
            if (member != null && _symbols.IsCustomerFacingTextMember(member))
            {
                Check(context, assignment.Value, SymbolNames.ShortName(RelatedMembers.Normalize(member)));
            }
        }

        private void OnInitializer(IOperation operation, Reporter context)
        {
            var (members, value) = operation switch
            {
                IPropertyInitializerOperation property => (property.InitializedProperties.Cast<ISymbol>(), property.Value),
                IFieldInitializerOperation field => (field.InitializedFields.Cast<ISymbol>(), field.Value),
                _ => (Enumerable.Empty<ISymbol>(), null),
            };
            var target = members.FirstOrDefault(_symbols.IsCustomerFacingTextMember);
            if (value != null && target != null)
            {
                Check(context, value, SymbolNames.ShortName(target));
            }
        }

        private void OnReturn(IReturnOperation operation, ISymbol containingMember, Reporter context)
        {
            var returned = operation.ReturnedValue;
            if (returned == null)
            {
                return;
            }

            var member = containingMember;
            if (member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
            {
                member = property;
            }

            // The member's answer is cached; walking up to see whether the return is in a lambda is not.
            if (member is IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }
                && _symbols.IsCustomerFacingTextMember(member)
                && !IsInsideFunction(operation))
            {
                Check(context, returned, SymbolNames.ShortName(RelatedMembers.Normalize(member)));
            }
        }

        private void Check(Reporter context, IOperation value, string target)
        {
            foreach (var piece in TextSources.Collect(value))
            {
                if (piece.Text.Length == 0)
                {
                    continue;
                }

                var result = _phrases.Scan(piece.Text);
                foreach (var match in result.Matches)
                {
                    if (match.Kind == PhraseKind.Promise)
                    {
                        continue;
                    }

                    var span = piece.Syntax.Span;
                    if (!_reported.TryAdd((piece.Syntax.SyntaxTree, span.Start, span.Length, match.Kind + "|" + match.Phrase), 0))
                    {
                        continue;
                    }

                    var kind = match.Kind == PhraseKind.Claim ? "banned claim" : "disrespectful term";
                    var origin = match.IsPattern ? $"policy pattern '{match.PatternId}'" : $"language '{match.Language}'";
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SP3001BannedPhraseInCustomerText,
                        piece.Syntax.GetLocation(),
                        kind,
                        match.Phrase,
                        $" ({origin}; it reaches {target})"));
                }
            }
        }

        /// <summary>A return inside a lambda or local function returns from that function, not from the member.</summary>
        private static bool IsInsideFunction(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
