namespace ServicePolicy.Analyzers.Communication;

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

/// <summary>
/// The text SP3001 scans for each string literal of one file, from syntax alone: the literal's own text, or,
/// when it is part of literals joined by <c>+</c> (parentheses allowed), the joined text of the largest such
/// run, so that a phrase split across literals is found. A literal joined to anything else
/// (<c>"Dear " + name</c>) is a run of its own.
/// </summary>
/// <remarks>
/// Each chain of <c>+</c> is folded once, in one pass over its nodes with an explicit stack: a generated
/// concatenation of thousands of terms costs time and memory in proportion to its length, where folding it
/// again from each of its literals (and recursing as deep as the chain) cost cubic time.
/// </remarks>
internal sealed class LiteralConcatenations
{
    // For each node of a chain already folded: the run it belongs to (null when not part of a literal run).
    private readonly Dictionary<SyntaxNode, Run?> _runs = new();

    /// <summary>
    /// The run a string literal belongs to. <paramref name="first"/> is true the first time a run is returned,
    /// so that a caller scans each run once however many literals it has.
    /// </summary>
    public Run RunOf(LiteralExpressionSyntax literal, out bool first)
    {
        if (!IsChainNode(literal.Parent))
        {
            first = true;
            return new Run(literal, literal.Token.ValueText);
        }

        if (!_runs.ContainsKey(literal))
        {
            Fold(TopOfChain(literal));
        }

        var run = _runs[literal]!;
        first = !run.Scanned;
        run.Scanned = true;
        return run;
    }

    private static bool IsChainNode(SyntaxNode? node) =>
        node is ParenthesizedExpressionSyntax || (node is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression));

    private static SyntaxNode TopOfChain(SyntaxNode node)
    {
        while (IsChainNode(node.Parent))
        {
            node = node.Parent!;
        }

        return node;
    }

    /// <summary>
    /// Marks which nodes of the chain are made of string literals only (children before parents), then gives
    /// each largest such node one run, whose text is its literals joined in order.
    /// </summary>
    private void Fold(SyntaxNode top)
    {
        var literalOnly = new Dictionary<SyntaxNode, bool>();
        var preOrder = new List<SyntaxNode>();
        var stack = new Stack<SyntaxNode>();
        stack.Push(top);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            preOrder.Add(node);
            if (IsChainNode(node))
            {
                foreach (var child in node.ChildNodes())
                {
                    stack.Push(child);
                }
            }
        }

        // A pre-order lists every node before its descendants: reversed, it visits children before their parent.
        for (var i = preOrder.Count - 1; i >= 0; i--)
        {
            var node = preOrder[i];
            literalOnly[node] = node switch
            {
                LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
                ParenthesizedExpressionSyntax parenthesized => literalOnly[parenthesized.Expression],
                BinaryExpressionSyntax add => literalOnly[add.Left] && literalOnly[add.Right],
                _ => false,
            };
        }

        foreach (var node in preOrder)
        {
            if (_runs.ContainsKey(node))
            {
                continue; // Part of a run found at an ancestor (ancestors come first).
            }

            if (!literalOnly[node] || (node != top && literalOnly[node.Parent!]))
            {
                _runs[node] = null;
                continue;
            }

            var run = new Run(node, JoinedText(node));
            foreach (var part in node.DescendantNodesAndSelf())
            {
                _runs[part] = run;
            }
        }
    }

    private static string JoinedText(SyntaxNode run)
    {
        var text = new StringBuilder();
        foreach (var node in run.DescendantNodesAndSelf())
        {
            if (node is LiteralExpressionSyntax literal)
            {
                text.Append(literal.Token.ValueText);
            }
        }

        return text.ToString();
    }

    /// <summary>Literals joined by <c>+</c> (or a single literal) and their joined text.</summary>
    internal sealed class Run
    {
        public Run(SyntaxNode syntax, string text)
        {
            Syntax = syntax;
            Text = text;
        }

        public SyntaxNode Syntax { get; }

        public string Text { get; }

        public bool Scanned { get; set; }
    }
}
