namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Core;

/// <summary>
/// What <see cref="SinkNameFilter"/> needs from the compilation's source, gathered from syntax in one pass:
/// types with their base types and methods (by simple name), methods annotated as sinks, extension methods,
/// and for every method with parameters the names of the methods it calls.
/// </summary>
/// <remarks>
/// Attributes are recognised by name (<c>ThirdPartySink</c>, <c>LoggerMessage</c>, with or without the
/// <c>Attribute</c> suffix); an attribute used through a <c>using</c> alias of another name is not seen here.
/// </remarks>
internal sealed class SourceIndex
{
    private SourceIndex()
    {
    }

    public List<SourceType> Types { get; } = new();

    /// <summary>Methods with <c>[ThirdPartySink]</c> on them or on a parameter, and <c>[LoggerMessage]</c> methods.</summary>
    public HashSet<string> AnnotatedSinkMethods { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Types with <c>[ThirdPartySink]</c>.</summary>
    public HashSet<string> AnnotatedSinkTypes { get; } = new(System.StringComparer.Ordinal);

    /// <summary>(simple name of the extended type, method name) of every extension method.</summary>
    public List<(string ExtendedType, string Method)> ExtensionMethods { get; } = new();

    public List<CallingMethod> MethodsWithParameters { get; } = new();

    /// <summary>What each piece of executable code calls, by the node <see cref="ExecutableCode"/> gives for it.</summary>
    public Dictionary<SyntaxNode, CallingMethod> CallsByBody { get; } = new();

    public static SourceIndex Of(PolicyContext policy, CancellationToken cancellationToken)
    {
        var index = new SourceIndex();
        foreach (var tree in policy.Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is TypeDeclarationSyntax type)
                {
                    index.AddType(type);
                }
            }

            // Every body is walked once here; the rules then decide from this index, without walking again.
            foreach (var member in policy.ExecutableCodeOf(tree, cancellationToken))
            {
                var calls = CallingMethod.Of(member.Declaration is MethodDeclarationSyntax method ? method.Identifier.ValueText : "", member.OperationNode);
                index.CallsByBody[member.OperationNode] = calls;
                if (member.Declaration is MethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 })
                {
                    index.MethodsWithParameters.Add(calls);
                }
            }
        }

        return index;
    }

    private void AddType(TypeDeclarationSyntax type)
    {
        var name = type.Identifier.ValueText;
        if (WrittenNames.HasAttribute(type.AttributeLists, "ThirdPartySink"))
        {
            AnnotatedSinkTypes.Add(name);
        }

        var baseNames = type.BaseList?.Types.Select(t => WrittenNames.LastIdentifier(t.Type)).Where(n => n.Length > 0).ToArray() ?? System.Array.Empty<string>();
        var methods = new List<string>();
        foreach (var member in type.Members)
        {
            if (member is not MethodDeclarationSyntax method)
            {
                continue;
            }

            var methodName = method.Identifier.ValueText;
            methods.Add(methodName);
            if (WrittenNames.HasAttribute(method.AttributeLists, "ThirdPartySink") || WrittenNames.HasAttribute(method.AttributeLists, "LoggerMessage")
                || method.ParameterList.Parameters.Any(p => WrittenNames.HasAttribute(p.AttributeLists, "ThirdPartySink")))
            {
                AnnotatedSinkMethods.Add(methodName);
            }

            var parameters = method.ParameterList.Parameters;
            if (parameters.Count > 0 && parameters[0].Modifiers.Any(m => m.ValueText == "this") && parameters[0].Type is { } extended)
            {
                ExtensionMethods.Add((WrittenNames.LastIdentifier(extended), methodName));
            }
        }

        Types.Add(new SourceType(name, baseNames, methods.ToArray()));
    }
}

/// <summary>A type declared in source, by simple names.</summary>
internal sealed record SourceType(string Name, string[] BaseNames, string[] MethodNames);

/// <summary>A method with parameters and what its body calls, by name.</summary>
internal sealed class CallingMethod
{
    private readonly string[] _calls;
    private readonly bool _hasCollectionInitializer;
    private readonly bool _hasQuery;

    private CallingMethod(string name, string[] calls, bool hasCollectionInitializer, bool hasQuery)
    {
        Name = name;
        _calls = calls;
        _hasCollectionInitializer = hasCollectionInitializer;
        _hasQuery = hasQuery;
    }

    public string Name { get; }

    [MethodImpl(HotPath.OptimizeAtOnce)]
    public static CallingMethod Of(string name, SyntaxNode body)
    {
        var calls = new HashSet<string>(System.StringComparer.Ordinal);
        var initializer = false;
        var query = false;
        foreach (var node in body.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when SinkNameFilter.InvokedName(invocation) is { } called:
                    calls.Add(called);
                    break;
                case ArgumentSyntax argument when SinkNameFilter.MethodGroupName(argument) is { } group:
                    calls.Add(group);
                    break;
                case InitializerExpressionSyntax init when SinkNameFilter.IsCollectionInitializer(init):
                    initializer = true;
                    break;
                case QueryExpressionSyntax:
                    query = true;
                    break;
            }
        }

        return new CallingMethod(name, calls.ToArray(), initializer, query);
    }

    public bool CallsMatching(MemberNameSet filter)
    {
        foreach (var call in _calls)
        {
            if (filter.Matches(call))
            {
                return true;
            }
        }

        return (_hasCollectionInitializer && filter.Matches("Add"))
            || (_hasQuery && SinkNameFilter.QueryMethodNames.Any(filter.Matches));
    }
}
