namespace ServicePolicy.Analyzers.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// The most work a rule spends on one body of code. The rules bind a body into operations and follow its
/// values; a generated method of tens of thousands of lines, or an expression nested thousands deep (a long
/// chain of <c>+</c>), would cost minutes and gigabytes, and recursion over a deep expression can overflow the
/// compiler's stack. Such a body is measured from syntax before anything is bound and, when it is over a
/// limit, skipped with an SP9004 that says so: the build stays fast and the unchecked code stays visible.
/// </summary>
internal static class BodyBudget
{
    /// <summary>Syntax nodes in one body: about 6,000 lines of ordinary code.</summary>
    public const int MaxNodes = 60_000;

    /// <summary>How deep syntax may nest in one body: a chain of about 400 <c>+</c> terms, far beyond hand-written code.</summary>
    public const int MaxDepth = 400;

    /// <summary>
    /// Why a body is too large to analyse ("180,004 syntax nodes, over the limit of 60,000"), or null when it is
    /// within the budget. The walk stops at the first limit crossed, so measuring costs at most the budget.
    /// </summary>
    public static string? Exceeded(SyntaxNode body, CancellationToken cancellationToken)
    {
        // An explicit stack: the walk must not recurse as deep as the expression it is measuring.
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((body, 1));
        var nodes = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (++nodes > MaxNodes)
            {
                return $"more than {MaxNodes:N0} syntax nodes";
            }

            if (depth > MaxDepth)
            {
                return $"expressions nested more than {MaxDepth:N0} deep";
            }

            if ((nodes & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var child in node.ChildNodes())
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }

    /// <summary>An SP9004 at the name of the declaration that owns the body (not its whole, possibly huge, span).</summary>
    public static Diagnostic Report(SyntaxNode declaration, string rules, string reason) =>
        Diagnostic.Create(Descriptors.SP9004BodyTooLarge, NameLocation(declaration), Describe(declaration), rules, reason);

    private static Location NameLocation(SyntaxNode declaration)
    {
        var name = declaration switch
        {
            MethodDeclarationSyntax method => method.Identifier,
            ConstructorDeclarationSyntax constructor => constructor.Identifier,
            DestructorDeclarationSyntax destructor => destructor.Identifier,
            OperatorDeclarationSyntax @operator => @operator.OperatorToken,
            ConversionOperatorDeclarationSyntax conversion => conversion.Type.GetFirstToken(),
            AccessorDeclarationSyntax accessor => accessor.Keyword,
            PropertyDeclarationSyntax property => property.Identifier,
            IndexerDeclarationSyntax indexer => indexer.ThisKeyword,
            VariableDeclaratorSyntax variable => variable.Identifier,
            _ => declaration.GetFirstToken(),
        };
        var span = name.Span.IsEmpty ? new TextSpan(declaration.SpanStart, 0) : name.Span;
        return Location.Create(declaration.SyntaxTree, span);
    }

    private static string Describe(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => $"method {method.Identifier.ValueText}",
        ConstructorDeclarationSyntax constructor => $"constructor {constructor.Identifier.ValueText}",
        AccessorDeclarationSyntax accessor => $"accessor {accessor.Keyword.ValueText}",
        PropertyDeclarationSyntax property => $"property {property.Identifier.ValueText}",
        VariableDeclaratorSyntax variable => $"initializer of {variable.Identifier.ValueText}",
        CompilationUnitSyntax => "top-level statements",
        _ => "this body",
    };
}
