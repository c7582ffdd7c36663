namespace ServicePolicy.Analyzers.CodeFixes;

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Privacy;

/// <summary>
/// SP1002: wraps the logged value in the policy's redaction method, <c>user.Email</c> becoming
/// <c>Redact.Mask(user.Email)</c>. The method is the first of the policy's <c>analyzers.redactors</c>
/// (then the <c>[Redactor]</c> methods) that exists in the compilation, is accessible here and
/// accepts the value. Fix-all rewrites every value of a document in one pass.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactValueCodeFixProvider)), Shared]
public sealed class RedactValueCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SP1002.Redact";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SP1002PersonalDataToLog.Id);

    public override FixAllProvider GetFixAllProvider() => RedactFixAll.Instance;

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
            var target = FindValue(root, diagnostic);
            var redactor = target == null ? null : ChooseRedactor(model, diagnostic, target, context.CancellationToken);
            if (target == null || redactor == null)
            {
                continue;
            }

            var title = $"Redact with {SymbolNames.ShortName(redactor)}";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(context.Document, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Wraps the value of every diagnostic that has a usable redactor; the others are left alone.</summary>
    internal static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var changed = false;
        foreach (var diagnostic in diagnostics)
        {
            var target = FindValue(editor.OriginalRoot, diagnostic);
            var redactor = target == null ? null : ChooseRedactor(model, diagnostic, target, cancellationToken);
            if (target == null || redactor == null)
            {
                continue;
            }

            editor.ReplaceNode(target, (current, generator) => Wrap(generator, redactor, (ExpressionSyntax)current));
            changed = true;
        }

        if (!changed)
        {
            return document;
        }

        var result = editor.GetChangedDocument();
        result = await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        result = await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode Wrap(SyntaxGenerator generator, IMethodSymbol redactor, ExpressionSyntax value)
    {
        var type = generator.TypeExpression(redactor.ContainingType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        var call = generator.InvocationExpression(generator.MemberAccessExpression(type, redactor.Name), value.WithoutTrivia());
        return call.WithTriviaFrom(value).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The expression the diagnostic points at (an interpolation hole, an argument, a concatenation operand).</summary>
    private static ExpressionSyntax? FindValue(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node switch
        {
            ArgumentSyntax argument => argument.Expression,
            InterpolationSyntax interpolation => interpolation.Expression,
            ExpressionSyntax expression => expression,
            _ => null,
        };
    }

    private static IMethodSymbol? ChooseRedactor(SemanticModel model, Diagnostic diagnostic, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var valueType = model.GetTypeInfo(value, cancellationToken).Type;
        if (valueType == null)
        {
            return null;
        }

        foreach (var method in FixHintReader.Methods(diagnostic, PrivacyFixHints.RedactorsProperty, model.Compilation))
        {
            if (method.TypeParameters.IsEmpty
                && model.IsAccessible(value.SpanStart, method)
                && model.Compilation.ClassifyCommonConversion(valueType, method.Parameters[0].Type).IsImplicit)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>Fix-all: one editor pass per document, so that imports are added once.</summary>
    private sealed class RedactFixAll : DocumentBasedFixAllProvider
    {
        public static readonly RedactFixAll Instance = new();

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Redact all personal data written to logs";

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
