namespace ServicePolicy.Analyzers.Classification;

using Microsoft.CodeAnalysis;

/// <summary>
/// The members whose classification a member inherits: itself, what it overrides, and the
/// interface members it implements. A sink declared on <c>IPartnerClient.Send</c> therefore covers
/// <c>PartnerClient.Send</c>, and calls through the interface resolve to the interface member itself.
/// </summary>
internal static class RelatedMembers
{
    /// <summary>The symbol a question about <paramref name="symbol"/> is really about: unreduced, unconstructed, accessor mapped to its property.</summary>
    public static ISymbol Normalize(ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol method:
                method = method.ReducedFrom ?? method;
                if (method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet && method.AssociatedSymbol is IPropertySymbol accessed)
                {
                    return accessed.OriginalDefinition;
                }

                return method.OriginalDefinition;
            case IPropertySymbol property:
                return property.OriginalDefinition;
            case IFieldSymbol field:
                return field.OriginalDefinition;
            case IEventSymbol @event:
                return @event.OriginalDefinition;
            case IParameterSymbol parameter:
                return parameter.OriginalDefinition;
            default:
                return symbol;
        }
    }

    /// <summary>A method without extension reduction or generic construction.</summary>
    public static IMethodSymbol Normalize(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary><paramref name="member"/> first, then the members it overrides (nearest first), then the interface members it implements.</summary>
    public static IEnumerable<ISymbol> Of(ISymbol member)
    {
        yield return member;
        if (member is not (IMethodSymbol or IPropertySymbol or IEventSymbol))
        {
            yield break;
        }

        var overridden = Overridden(member);
        var depth = 0;
        while (overridden != null && depth++ < 32)
        {
            yield return overridden.OriginalDefinition;
            overridden = Overridden(overridden);
        }

        foreach (var implemented in ImplementedInterfaceMembers(member))
        {
            yield return implemented.OriginalDefinition;
        }
    }

    /// <summary>The same as <see cref="Of(ISymbol)"/>, for methods only.</summary>
    public static IEnumerable<IMethodSymbol> Of(IMethodSymbol method) => Of((ISymbol)method).OfType<IMethodSymbol>();

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol m => m.OverriddenMethod,
        IPropertySymbol p => p.OverriddenProperty,
        IEventSymbol e => e.OverriddenEvent,
        _ => null,
    };

    private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member)
    {
        var explicitOnes = member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations.Cast<ISymbol>(),
            IPropertySymbol p => p.ExplicitInterfaceImplementations.Cast<ISymbol>(),
            IEventSymbol e => e.ExplicitInterfaceImplementations.Cast<ISymbol>(),
            _ => Enumerable.Empty<ISymbol>(),
        };

        foreach (var explicitOne in explicitOnes)
        {
            yield return explicitOne;
        }

        var type = member.ContainingType;
        if (type == null || type.TypeKind == TypeKind.Interface || member.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                var implementation = type.FindImplementationForInterfaceMember(candidate);
                if (implementation != null && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, member.OriginalDefinition))
                {
                    yield return candidate;
                }
            }
        }
    }
}
