namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;

/// <summary>
/// The syntax-only pre-filter of SP1001 and SP1002: the names a called method must have for the call to be
/// a sink, or a call to a method of the compilation that passes a parameter on to one. A body none of whose
/// calls has such a name cannot produce a finding, so no operation tree and no flow analysis is made for it.
/// </summary>
/// <remarks>
/// The filter may only err on the side of "maybe": every method the classifier could call a sink must pass.
/// Names come from the policy's <c>thirdPartySinks</c> and <c>logSinks</c> patterns and the built-in log
/// methods (<see cref="MemberNameSet"/>), <c>[ThirdPartySink]</c> on methods, parameters and types (with every
/// type deriving from or implementing such a type) in source and in referenced assemblies built against the
/// annotations, <c>[LoggerMessage]</c> methods in source, and, to a fixed point, every method of the
/// compilation that calls one of those names. Calls without a name in the code are covered too: the
/// <c>Add</c> of a collection initializer and the methods of a query expression.
/// </remarks>
internal sealed class SinkNameFilter
{
    /// <summary>Methods a query expression calls without naming them.</summary>
    internal static readonly string[] QueryMethodNames =
    {
        "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast",
    };

    private readonly MemberNameSet _names;
    private readonly SourceIndex? _source;
    private readonly bool _collectionInitializersCall;
    private readonly bool _queriesCall;

    private SinkNameFilter(MemberNameSet names, SourceIndex? source)
    {
        _names = names;
        _source = source;
        _collectionInitializersCall = names.Matches("Add");
        _queriesCall = QueryMethodNames.Any(names.Matches);
    }

    /// <summary>True when no name can be ruled out: every body is analysed.</summary>
    public bool MatchesEverything => _names.MatchesEverything;

    /// <summary>Whether a method called <paramref name="name"/> may be a sink or pass data on to one.</summary>
    public bool Matches(string? name) => _names.Matches(name);

    /// <summary>Whether the code under <paramref name="node"/> calls a method whose name passes the filter.</summary>
    public bool MayReachSink(SyntaxNode node)
    {
        if (MatchesEverything)
        {
            return true;
        }

        if (_source != null && _source.CallsByBody.TryGetValue(node, out var calls))
        {
            return calls.CallsMatching(_names);
        }

        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            switch (descendant)
            {
                case InvocationExpressionSyntax invocation when Matches(InvokedName(invocation)):
                    return true;
                case ArgumentSyntax argument when Matches(MethodGroupName(argument)):
                    return true;
                case InitializerExpressionSyntax initializer when _collectionInitializersCall && IsCollectionInitializer(initializer):
                    return true;
                case QueryExpressionSyntax when _queriesCall:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Builds the filter for one compilation: one pass over its syntax, and over the few referenced assemblies that use the annotations.</summary>
    public static SinkNameFilter Build(PolicyContext policy, CancellationToken cancellationToken)
    {
        var compilation = policy.Compilation;
        var bindings = policy.Symbols.Bindings;
        var classifier = policy.Symbols;
        var names = new MemberNameSet(compilation, methods: true, cancellationToken);
        foreach (var (pattern, _) in bindings.ThirdPartySinks)
        {
            names.AddPattern(pattern);
        }

        foreach (var (pattern, _) in bindings.LogSinks)
        {
            names.AddPattern(pattern);
        }

        if (names.MatchesEverything)
        {
            return new SinkNameFilter(names, null);
        }

        var source = SourceIndex.Of(policy, cancellationToken);
        AddAnnotatedSinks(names, source, compilation, classifier);

        // Extension methods in source on a type whose every method is a sink ("Type.*").
        foreach (var type in names.AllMembersOf)
        {
            foreach (var (extendedType, method) in source.ExtensionMethods)
            {
                if (extendedType == type.Name)
                {
                    names.Add(method);
                }
            }
        }

        // Methods of the compilation that call a name of the filter may pass a parameter on to a sink: their
        // names join the filter, until nothing changes.
        var pending = source.MethodsWithParameters.Where(m => !names.Matches(m.Name)).ToList();
        var changed = true;
        while (changed && pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                if (pending[i].CallsMatching(names))
                {
                    names.Add(pending[i].Name);
                    pending.RemoveAt(i);
                    changed = true;
                }
            }
        }

        return new SinkNameFilter(names, source);
    }

    /// <summary>The name of the method an invocation calls, from syntax: <c>M</c> in <c>M()</c>, <c>x.M()</c>, <c>x?.M&lt;T&gt;()</c>; null for a delegate.</summary>
    internal static string? InvokedName(InvocationExpressionSyntax invocation)
    {
        var expression = invocation.Expression;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>
    /// The name an argument may pass as a method group (<c>customers.ForEach(crm.Upsert)</c>): the method is called
    /// later with the collection's items, so its name counts as a call.
    /// </summary>
    internal static string? MethodGroupName(ArgumentSyntax argument) => argument.Expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    internal static bool IsCollectionInitializer(InitializerExpressionSyntax initializer) =>
        initializer.IsKind(SyntaxKind.CollectionInitializerExpression) || initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression);

    /// <summary>[ThirdPartySink] and [LoggerMessage] methods, and the methods of sink types and of every type deriving from one.</summary>
    private static void AddAnnotatedSinks(MemberNameSet names, SourceIndex source, Compilation compilation, SymbolClassifier classifier)
    {
        foreach (var name in source.AnnotatedSinkMethods)
        {
            names.Add(name);
        }

        var sinkTypes = new HashSet<string>(source.AnnotatedSinkTypes, System.StringComparer.Ordinal);
        foreach (var assembly in AssemblyWalk.UsingAnnotations(compilation))
        {
            foreach (var type in AssemblyWalk.Types(assembly.GlobalNamespace))
            {
                if (IsSinkType(type))
                {
                    sinkTypes.Add(type.Name);
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol method && classifier.GetThirdPartySink(method) != null)
                    {
                        names.Add(method.Name);
                    }
                }
            }
        }

        // Types deriving from (or implementing) a sink type, by name, to a fixed point.
        var changed = sinkTypes.Count > 0;
        while (changed)
        {
            changed = false;
            foreach (var type in source.Types)
            {
                if (!sinkTypes.Contains(type.Name) && type.BaseNames.Any(sinkTypes.Contains))
                {
                    sinkTypes.Add(type.Name);
                    changed = true;
                }
            }
        }

        foreach (var type in source.Types)
        {
            if (sinkTypes.Contains(type.Name))
            {
                foreach (var method in type.MethodNames)
                {
                    names.Add(method);
                }
            }
        }
    }

    /// <summary>[ThirdPartySink] on the type, a base type or an interface: every method of the type and of types deriving from it is a sink.</summary>
    private static bool IsSinkType(INamedTypeSymbol type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (HasSinkAttribute(current))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(HasSinkAttribute);
    }

    private static bool HasSinkAttribute(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "ThirdPartySinkAttribute");
}
