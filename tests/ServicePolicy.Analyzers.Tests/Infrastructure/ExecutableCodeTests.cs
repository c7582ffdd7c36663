namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServicePolicy.Analyzers.Infrastructure;

/// <summary>The executable code of a tree, found from syntax once per tree and compilation.</summary>
public sealed class ExecutableCodeTests
{
    private const string Source = """
        namespace Shop
        {
            public abstract class Order
            {
                private readonly int _limit = 10, _unset;
                public Order() { }
                public int Total { get; set; } = 3;
                public int Twice => Total * 2;
                public int Checked { get => Total; set { Total = value; } }
                public int this[int i] => i + _limit + _unset;
                public abstract void Declared();
                public void Run() => System.Console.WriteLine(Total);

                private sealed class Line
                {
                    public static int operator +(Line a, Line b) => 0;
                }
            }
        }
        """;

    [Fact]
    public void The_per_tree_list_is_the_code_the_syntax_walk_finds()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source);
        var tree = compilation.SyntaxTrees.First();

        var members = context.ExecutableCodeOf(tree, CancellationToken.None);

        Assert.Equal<ExecutableMember>(ExecutableCode.Of(tree.GetRoot()).ToArray(), members.ToArray());
        Assert.Equal(
            new[] { "_limit", ".ctor", "Total", "Twice", "get_Checked", "set_Checked", "this[]", "Run", "op_Addition" },
            members.Select(Name));
    }

    [Fact]
    public void Each_tree_is_walked_once_per_compilation()
    {
        var (context, compilation) = ClassifierTestHelper.Create(Source);
        var (other, _) = ClassifierTestHelper.Create(Source);
        var tree = compilation.SyntaxTrees.First();

        var first = context.ExecutableCodeOf(tree, CancellationToken.None);

        Assert.True(first == context.ExecutableCodeOf(tree, CancellationToken.None), "The second call walks the tree again.");
        Assert.False(first == other.ExecutableCodeOf(tree, CancellationToken.None), "Another compilation shares the list.");
    }

    private static string Name(ExecutableMember member) => member.Declaration switch
    {
        VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
        ConstructorDeclarationSyntax => ".ctor",
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        AccessorDeclarationSyntax accessor => accessor.Keyword.ValueText + "_" + ((PropertyDeclarationSyntax)accessor.Parent!.Parent!).Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        OperatorDeclarationSyntax => "op_Addition",
        _ => member.Declaration.Kind().ToString(),
    };
}
