namespace ServicePolicy.Analyzers.Privacy;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

/// <summary>
/// The concrete types of the compilation a value may have at run time when its static type is a constrained
/// type parameter, an interface or an abstract class of the compilation. A pipeline behaviour
/// <c>Handle(TRequest request)</c> with <c>where TRequest : IRequest&lt;TResponse&gt;</c> receives every request
/// type of the application at run time; when one of them carries personal data, so may <c>request</c>.
/// Only a type parameter with a constraint type counts: an unconstrained <c>T</c> stands for anything, and
/// treating it as personal data would flag every generic helper.
/// </summary>
internal sealed class RuntimeTypes
{
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;

    public RuntimeTypes(Compilation compilation) =>
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => SourceTypesOf(compilation));

    /// <summary>The concrete types of the compilation that satisfy every constraint type of <paramref name="parameter"/>.</summary>
    public IEnumerable<INamedTypeSymbol> Of(ITypeParameterSymbol parameter)
    {
        var constraints = parameter.ConstraintTypes.Where(c => c.SpecialType == SpecialType.None && c.TypeKind is TypeKind.Interface or TypeKind.Class).ToArray();
        if (constraints.Length == 0)
        {
            return Enumerable.Empty<INamedTypeSymbol>();
        }

        return _sourceTypes.Value.Where(type => constraints.All(constraint => Satisfies(type, constraint)));
    }

    /// <summary>The concrete types of the compilation that implement or derive from <paramref name="baseType"/>.</summary>
    public IEnumerable<INamedTypeSymbol> Of(INamedTypeSymbol baseType) =>
        _sourceTypes.Value.Where(type => !SymbolEqualityComparer.Default.Equals(type, baseType) && Satisfies(type, baseType));

    /// <summary>
    /// Compared by original definition: <c>IRequest&lt;TResponse&gt;</c> in a constraint is satisfied by a type that
    /// implements <c>IRequest&lt;bool&gt;</c>.
    /// </summary>
    private static bool Satisfies(INamedTypeSymbol type, ITypeSymbol constraint)
    {
        var wanted = constraint.OriginalDefinition;
        if (constraint.TypeKind == TypeKind.Interface)
        {
            return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, wanted));
        }

        for (var current = type; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, wanted))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<INamedTypeSymbol> SourceTypesOf(Compilation compilation)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    pending.Push(type);
                    if (!type.IsAbstract && !type.IsGenericType && type.TypeKind is TypeKind.Class or TypeKind.Struct)
                    {
                        types.Add(type);
                    }
                }
            }
        }

        return types.ToImmutable();
    }
}
