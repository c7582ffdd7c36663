namespace ServicePolicy.Analyzers.Classification;

using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using ServicePolicy.Core;

/// <summary>Dotted names of symbols as policy patterns see them: <c>Namespace.Type.Member</c>, generic arity left out.</summary>
internal static class SymbolNames
{
    /// <summary><c>Shop.Domain.Customer.Email</c> for a member, <c>Shop.Domain.Customer</c> for a type, <c>Shop.Domain</c> for a namespace.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    public static string FullName(ISymbol symbol)
    {
        var parts = new List<string>(6);
        for (var current = symbol; current != null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true } || current is IModuleSymbol || current is IAssemblySymbol)
            {
                break;
            }

            // Accessors and lambdas are named after what they belong to; the pattern names the member.
            if (current is IMethodSymbol { AssociatedSymbol: not null } && !ReferenceEquals(current, symbol))
            {
                continue;
            }

            if (current.Name.Length > 0)
            {
                parts.Add(current.Name);
            }
        }

        var builder = new StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(parts[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The names a method answers to: its own full name, and for an extension method also the
    /// extended type's name with the method, since a policy author writes what the call looks like
    /// (<c>HttpClient.PostAsJsonAsync</c>, not <c>HttpClientJsonExtensions.PostAsJsonAsync</c>).
    /// </summary>
    public static IEnumerable<string> MethodNames(IMethodSymbol method)
    {
        yield return FullName(method);
        if (method.IsExtensionMethod && method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol extended)
        {
            yield return FullName(extended.OriginalDefinition) + "." + method.Name;
        }
    }

    /// <summary>
    /// Whether <paramref name="ns"/> is exactly the namespace <paramref name="names"/> spell, outermost first
    /// (<c>"System", "Threading", "Tasks"</c>). Compares names up the chain instead of formatting the
    /// namespace: <c>ToDisplayString</c> allocates, and on hot paths it makes the compiler's symbol display
    /// code hot enough for the runtime to recompile it in the middle of the build.
    /// </summary>
    public static bool IsNamespace(INamespaceSymbol? ns, params string[] names)
    {
        for (var i = names.Length - 1; i >= 0; i--)
        {
            if (ns == null || ns.IsGlobalNamespace || ns.Name != names[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>How a member is shown in a diagnostic: <c>Customer.Email</c>.</summary>
    public static string ShortName(ISymbol symbol)
    {
        if (symbol is IParameterSymbol)
        {
            return symbol.Name;
        }

        var owner = symbol.ContainingType;
        return owner == null || symbol is ITypeSymbol ? symbol.Name : owner.Name + "." + symbol.Name;
    }
}
