namespace ServicePolicy.Analyzers.Infrastructure;

using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Core;

/// <summary>One piece of executable code in a syntax tree and the node whose operation tree is its root.</summary>
/// <param name="Declaration">The declaration that owns the code (a method, accessor, property, field variable, or the compilation unit for top-level statements).</param>
/// <param name="OperationNode">The node to ask <see cref="SemanticModel.GetOperation"/> for: the root of the code's operation tree.</param>
internal readonly record struct ExecutableMember(SyntaxNode Declaration, SyntaxNode OperationNode);

/// <summary>
/// The executable code of a syntax tree found from syntax alone, the same bodies the analyzer driver
/// hands to operation block actions: method, constructor, operator and accessor bodies (block or
/// expression), expression-bodied properties and indexers, field and property initializers, and
/// top-level statements. Lambdas and local functions are part of the member that declares them.
/// </summary>
/// <remarks>
/// Why the analyzers walk syntax themselves instead of registering operation actions: an operation
/// (block) action makes the analyzer driver build the operation tree of every method body of the
/// compilation for the analyzer. Finding the executable code from syntax lets each rule decide cheaply
/// which few bodies are worth asking operations for. The rules get it through
/// <see cref="PolicyContext.ExecutableCodeOf"/>, which finds it once per tree.
/// </remarks>
internal static class ExecutableCode
{
    private static readonly string[] CodeDomCompilerNamespace = { "System", "CodeDom", "Compiler" };

    [MethodImpl(HotPath.OptimizeAtOnce)]
    public static ImmutableArray<ExecutableMember> Of(SyntaxNode root)
    {
        // An array rather than an iterator: the attribute above reaches the loop only in a plain method.
        var members = ImmutableArray.CreateBuilder<ExecutableMember>();
        var hasTopLevelStatements = false;
        foreach (var node in root.DescendantNodesAndSelf(DescendIntoDeclarationsOnly))
        {
            switch (node)
            {
                case GlobalStatementSyntax:
                    hasTopLevelStatements = true;
                    break;
                case BaseMethodDeclarationSyntax method when method.Body != null || method.ExpressionBody != null:
                    members.Add(new ExecutableMember(method, method));
                    break;
                case AccessorDeclarationSyntax accessor when accessor.Body != null || accessor.ExpressionBody != null:
                    members.Add(new ExecutableMember(accessor, accessor));
                    break;
                case PropertyDeclarationSyntax property:
                    if (property.ExpressionBody != null)
                    {
                        members.Add(new ExecutableMember(property, property.ExpressionBody));
                    }

                    if (property.Initializer != null)
                    {
                        members.Add(new ExecutableMember(property, property.Initializer));
                    }

                    break;
                case IndexerDeclarationSyntax { ExpressionBody: { } indexerBody } indexer:
                    members.Add(new ExecutableMember(indexer, indexerBody));
                    break;
                case VariableDeclaratorSyntax { Initializer: { } initializer } variable when variable.Parent?.Parent is BaseFieldDeclarationSyntax:
                    members.Add(new ExecutableMember(variable, initializer));
                    break;
            }
        }

        if (hasTopLevelStatements && root is CompilationUnitSyntax unit)
        {
            members.Add(new ExecutableMember(unit, unit));
        }

        return members.ToImmutable();
    }

    /// <summary>
    /// The symbol that owns the code, as the analyzer driver names it: the method or accessor, the property
    /// (expression body or initializer), the field, or the entry point of top-level statements.
    /// </summary>
    public static ISymbol? OwningSymbol(SemanticModel model, ExecutableMember member, CancellationToken cancellationToken) =>
        member.Declaration switch
        {
            CompilationUnitSyntax unit => TopLevelEntryPoint(model, unit, cancellationToken),
            PropertyDeclarationSyntax property when ReferenceEquals(member.OperationNode, property.ExpressionBody)
                => (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
            IndexerDeclarationSyntax indexer => (model.GetDeclaredSymbol(indexer, cancellationToken) as IPropertySymbol)?.GetMethod,
            _ => model.GetDeclaredSymbol(member.Declaration, cancellationToken),
        };

    /// <summary>
    /// True when the symbol, or a type that contains it, carries <c>[GeneratedCode]</c>: the driver skips such
    /// code for analyzers that do not analyze generated code, so the rules walking syntax skip it too.
    /// (Generated files, by name or by an auto-generated header, never reach tree actions at all.)
    /// </summary>
    public static bool IsMarkedGenerated(ISymbol? symbol)
    {
        for (var current = symbol; current != null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } type
                    && SymbolNames.IsNamespace(type.ContainingNamespace, CodeDomCompilerNamespace))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Declarations nest (namespaces, types, members); code inside a member body is not walked.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    private static bool DescendIntoDeclarationsOnly(SyntaxNode node) =>
        node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax
            or BasePropertyDeclarationSyntax or AccessorListSyntax or BaseFieldDeclarationSyntax or VariableDeclarationSyntax;

    private static ISymbol? TopLevelEntryPoint(SemanticModel model, CompilationUnitSyntax unit, CancellationToken cancellationToken)
    {
        foreach (var member in unit.Members)
        {
            if (member is GlobalStatementSyntax statement)
            {
                return model.GetEnclosingSymbol(statement.Statement.SpanStart, cancellationToken);
            }
        }

        return null;
    }
}
