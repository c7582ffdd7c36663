namespace ServicePolicy.Analyzers.CodeFixes;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

/// <summary>How the consent guard goes into the code.</summary>
internal enum GuardPlacement
{
    /// <summary>Before <see cref="GuardPlan.Anchor"/>, a statement of a block or switch section.</summary>
    BeforeStatement,

    /// <summary><see cref="GuardPlan.Anchor"/> is the lone statement of an if/else/loop: it becomes a block.</summary>
    WrapEmbeddedStatement,

    /// <summary><see cref="GuardPlan.Anchor"/> is an expression body (<c>=&gt; sink(...)</c>): it becomes a block body.</summary>
    ExpandExpressionBody,
}

/// <summary>One guard to insert: where, and the <c>if (!check(...)) return ...;</c> statement itself.</summary>
internal sealed class GuardPlan
{
    public GuardPlan(GuardPlacement placement, SyntaxNode anchor, SyntaxNode function, IfStatementSyntax guard, bool functionReturnsValue)
    {
        Placement = placement;
        Anchor = anchor;
        Function = function;
        Guard = guard;
        FunctionReturnsValue = functionReturnsValue;
        GuardText = guard.NormalizeWhitespace().ToFullString();
    }

    public GuardPlacement Placement { get; }

    /// <summary>The statement the guard goes before, or the expression body it is added to.</summary>
    public SyntaxNode Anchor { get; }

    /// <summary>The method, local function, lambda or accessor the guard returns from.</summary>
    public SyntaxNode Function { get; }

    public IfStatementSyntax Guard { get; }

    /// <summary>For an expression body: whether its value is returned (not void, not a bare Task).</summary>
    public bool FunctionReturnsValue { get; }

    /// <summary>The guard as text, so that fix-all inserts one guard where several sinks share it.</summary>
    public string GuardText { get; }
}
