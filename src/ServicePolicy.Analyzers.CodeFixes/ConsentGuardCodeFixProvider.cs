namespace ServicePolicy.Analyzers.CodeFixes;

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

/// <summary>
/// SP1001: inserts an early-return consent guard before the statement that sends the data,
/// <c>if (!await consent.HasConsentAsync(customer.Id, "crm-sync", ct)) { return; }</c>, using a consent
/// check the policy names (see <see cref="GuardPlanner"/>). Fix-all inserts one guard per block
/// where several sinks would get the same one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConsentGuardCodeFixProvider)), Shared]
public sealed class ConsentGuardCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SP1001.ConsentGuard";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SP1001PersonalDataToThirdParty.Id);

    public override FixAllProvider GetFixAllProvider() => GuardFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = GuardPlanner.Plan(model, root, diagnostic, context.CancellationToken);
            if (plan == null)
            {
                continue;
            }

            var condition = plan.Guard.Condition.NormalizeWhitespace().ToString();
            context.RegisterCodeFix(
                CodeAction.Create($"Return early unless {TrimNegation(condition)}", ct => ApplyAsync(context.Document, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }
    }

    internal static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var plans = new List<GuardPlan>();
        foreach (var diagnostic in diagnostics)
        {
            var plan = GuardPlanner.Plan(editor.SemanticModel, editor.OriginalRoot, diagnostic, cancellationToken);
            if (plan != null)
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        foreach (var plan in Deduplicate(plans))
        {
            Apply(editor, plan);
        }

        var result = editor.GetChangedDocument();
        result = await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        result = await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One guard per anchor; and within one block, a guard identical to one already placed before an
    /// earlier statement of the same block is not repeated (the earlier one already guards the rest).
    /// </summary>
    private static IEnumerable<GuardPlan> Deduplicate(List<GuardPlan> plans)
    {
        var kept = new List<GuardPlan>();
        foreach (var plan in plans.OrderBy(p => p.Anchor.SpanStart))
        {
            var redundant = kept.Any(k =>
                k.Anchor == plan.Anchor
                || (k.Placement == GuardPlacement.BeforeStatement && plan.Placement == GuardPlacement.BeforeStatement
                    && k.Anchor.Parent == plan.Anchor.Parent && k.GuardText == plan.GuardText));
            if (!redundant)
            {
                kept.Add(plan);
            }
        }

        return kept;
    }

    private static void Apply(DocumentEditor editor, GuardPlan plan)
    {
        switch (plan.Placement)
        {
            case GuardPlacement.BeforeStatement:
                editor.InsertBefore(plan.Anchor, plan.Guard.WithLeadingTrivia(plan.Anchor.GetLeadingTrivia()));
                break;
            case GuardPlacement.WrapEmbeddedStatement:
                editor.ReplaceNode(plan.Anchor, (current, _) =>
                    Block(plan.Guard, ((StatementSyntax)current).WithoutLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
                break;
            case GuardPlacement.ExpandExpressionBody:
                editor.ReplaceNode(plan.Function, (current, _) => ExpandBody(current, plan));
                break;
        }
    }

    /// <summary><c>=&gt; sink(x)</c> becomes <c>{ guard; return sink(x); }</c> (or <c>sink(x);</c> when nothing is returned).</summary>
    private static SyntaxNode ExpandBody(SyntaxNode function, GuardPlan plan)
    {
        var expression = function switch
        {
            BaseMethodDeclarationSyntax method => method.ExpressionBody?.Expression,
            LocalFunctionStatementSyntax local => local.ExpressionBody?.Expression,
            AccessorDeclarationSyntax accessor => accessor.ExpressionBody?.Expression,
            AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody,
            _ => null,
        };
        if (expression == null)
        {
            return function;
        }

        StatementSyntax body = plan.FunctionReturnsValue
            ? ReturnStatement(expression.WithoutTrivia())
            : ExpressionStatement(expression.WithoutTrivia());
        var block = Block(plan.Guard, body).WithAdditionalAnnotations(Formatter.Annotation);
        SyntaxNode expanded = function switch
        {
            MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            ConstructorDeclarationSyntax constructor => constructor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            AccessorDeclarationSyntax accessor => accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            AnonymousFunctionExpressionSyntax lambda => lambda.WithExpressionBody(null).WithBlock(block),
            _ => function,
        };
        return expanded.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static string TrimNegation(string condition) => condition.StartsWith("!", StringComparison.Ordinal) ? condition.Substring(1) : condition;

    private sealed class GuardFixAll : DocumentBasedFixAllProvider
    {
        public static readonly GuardFixAll Instance = new();

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Insert consent guards before every third-party sink";

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
