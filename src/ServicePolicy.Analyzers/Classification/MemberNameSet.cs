namespace ServicePolicy.Analyzers.Classification;

using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using ServicePolicy.Core;

/// <summary>
/// The simple names a member must have to be matched by some policy patterns: a superset, so that
/// syntax can rule code out before anything is bound (see the rules' pre-filters). Names are exact
/// (<c>Send</c>), prefixes (<c>Log*</c> after a type name) or suffixes (<c>*Async</c>); a pattern
/// whose member part cannot be bounded (<c>*</c>, <c>*.CrmClient*</c>) makes the set match everything.
/// </summary>
/// <remarks>
/// How patterns match is in <see cref="SymbolPattern"/>: a glob over the dotted name, or a trailing part of
/// it, where <c>*</c> also spans dots. So <c>Type.Log*</c> matches Type's members starting with Log, and
/// also every member of a nested type whose name starts with Log: those are resolved by looking the type
/// up (in source and in referenced assemblies). A container that may be a namespace or a nested type is
/// not followed: the set then matches everything.
/// </remarks>
internal sealed class MemberNameSet
{
    private readonly Compilation _compilation;
    private readonly bool _methods;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = new();
    private readonly List<string> _suffixes = new();
    private readonly List<INamedTypeSymbol> _allMembersOf = new();
    private IReadOnlyList<IMethodSymbol>? _metadataExtensionMethods;
    private Func<string, bool>? _byWords;

    /// <param name="compilation">Where the types named by patterns are looked up.</param>
    /// <param name="methods">True for method names (extension methods included), false for properties and fields.</param>
    /// <param name="cancellationToken">Cancels the look-ups in referenced assemblies.</param>
    public MemberNameSet(Compilation compilation, bool methods, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _methods = methods;
        _cancellationToken = cancellationToken;
    }

    public bool MatchesEverything { get; private set; }

    /// <summary>Types every member of which is matched (<c>Type.*</c>), for callers that add members found elsewhere.</summary>
    public IReadOnlyList<INamedTypeSymbol> AllMembersOf => _allMembersOf;

    /// <summary>Also matches the names <paramref name="byWords"/> accepts (compound names matched by their words).</summary>
    public void AddWordMatcher(Func<string, bool> byWords) => _byWords = byWords;

    public void Add(string name)
    {
        if (name.Length > 0)
        {
            _names.Add(name);
        }
    }

    [MethodImpl(HotPath.OptimizeAtOnce)]
    public bool Matches(string? name)
    {
        if (MatchesEverything)
        {
            return true;
        }

        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (_names.Contains(name!))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (name!.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var suffix in _suffixes)
        {
            if (name!.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return _byWords != null && _byWords(name!);
    }

    /// <summary>Adds the member names <paramref name="pattern"/> can match.</summary>
    public void AddPattern(SymbolPattern pattern)
    {
        var text = pattern.NamePart;
        if (pattern.MatchesEverything)
        {
            MatchesEverything = true;
            return;
        }

        if (!text.EndsWith("*", StringComparison.Ordinal))
        {
            // The name ends with the last literal piece: a piece with a dot fixes the member name; one without
            // fixes it entirely when nothing precedes it, and its ending otherwise.
            var last = text.Substring(text.LastIndexOf('*') + 1);
            var dot = last.LastIndexOf('.');
            if (dot >= 0)
            {
                Add(last.Substring(dot + 1));
            }
            else if (text.IndexOf('*') >= 0)
            {
                _suffixes.Add(last);
            }
            else
            {
                Add(last);
            }

            return;
        }

        var body = text.TrimEnd('*');
        var lastDot = body.LastIndexOf('.');
        if (body.IndexOf('*') >= 0 || lastDot <= 0)
        {
            MatchesEverything = true;
            return;
        }

        var container = body.Substring(0, lastDot);
        var prefix = body.Substring(lastDot + 1);
        var types = ResolveTypes(container);
        if (types == null)
        {
            MatchesEverything = true;
            return;
        }

        if (prefix.Length == 0)
        {
            // "Type.*": every member of the type (for methods, extension methods on it too).
            _allMembersOf.AddRange(types);
            foreach (var type in types)
            {
                AddMembers(type, "", withExtensions: true);
            }

            return;
        }

        // Members of the type (and extension methods on it, matched as "Type.Method") start with the prefix;
        // members of nested types whose name does are matched whatever their own name.
        _prefixes.Add(prefix);
        foreach (var type in types)
        {
            foreach (var nested in type.GetTypeMembers())
            {
                if (nested.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    AddMembers(nested, "", withExtensions: false);
                }
            }
        }
    }

    private void AddMembers(INamedTypeSymbol type, string prefix, bool withExtensions)
    {
        foreach (var member in type.GetMembers())
        {
            if (IsWantedKind(member) && member.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                Add(member.Name);
            }
            else if (member is INamedTypeSymbol nested)
            {
                AddMembers(nested, "", withExtensions: false);
            }
        }

        if (_methods && withExtensions)
        {
            foreach (var extension in MetadataExtensionMethods())
            {
                if (extension.Parameters[0].Type.OriginalDefinition is INamedTypeSymbol extended
                    && SymbolEqualityComparer.Default.Equals(extended, type.OriginalDefinition))
                {
                    Add(extension.Name);
                }
            }
        }
    }

    private bool IsWantedKind(ISymbol member) =>
        _methods ? member is IMethodSymbol : member is IPropertySymbol or IFieldSymbol;

    /// <summary>The types a container names (by full name or a trailing part of one); null for a possible namespace or nested type.</summary>
    private List<INamedTypeSymbol>? ResolveTypes(string container)
    {
        var simple = container.Substring(container.LastIndexOf('.') + 1);
        if (_compilation.GetSymbolsWithName(simple, SymbolFilter.Namespace, _cancellationToken).Any())
        {
            return null;
        }

        var found = new List<INamedTypeSymbol>();
        foreach (var symbol in _compilation.GetSymbolsWithName(simple, SymbolFilter.Type, _cancellationToken))
        {
            if (symbol is INamedTypeSymbol type && NameEndsWith(SymbolNames.FullName(type), container))
            {
                found.Add(type);
            }
        }

        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.NamespaceNames.Any(n => n == simple || n.EndsWith("." + simple, StringComparison.Ordinal)))
            {
                return null;
            }

            if (!assembly.TypeNames.Contains(simple))
            {
                continue;
            }

            var topLevel = false;
            foreach (var ns in AssemblyWalk.Namespaces(assembly.GlobalNamespace))
            {
                foreach (var type in ns.GetTypeMembers(simple))
                {
                    topLevel = true;
                    if (NameEndsWith(SymbolNames.FullName(type), container))
                    {
                        found.Add(type);
                    }
                }
            }

            if (!topLevel)
            {
                // Only a nested type has that name: not followed.
                return null;
            }
        }

        return found;
    }

    private static bool NameEndsWith(string fullName, string container) =>
        fullName == container || fullName.EndsWith("." + container, StringComparison.Ordinal);

    private IReadOnlyList<IMethodSymbol> MetadataExtensionMethods()
    {
        if (_metadataExtensionMethods != null)
        {
            return _metadataExtensionMethods;
        }

        var methods = new List<IMethodSymbol>();
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!assembly.MightContainExtensionMethods)
            {
                continue;
            }

            foreach (var ns in AssemblyWalk.Namespaces(assembly.GlobalNamespace))
            {
                foreach (var type in ns.GetTypeMembers())
                {
                    if (!type.MightContainExtensionMethods)
                    {
                        continue;
                    }

                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } method)
                        {
                            methods.Add(method);
                        }
                    }
                }
            }
        }

        return _metadataExtensionMethods = methods;
    }
}

/// <summary>Walks of referenced assemblies' namespaces and types (for the pre-filters, which look at few assemblies).</summary>
internal static class AssemblyWalk
{
    public static IEnumerable<INamespaceSymbol> Namespaces(INamespaceSymbol root)
    {
        var stack = new Stack<INamespaceSymbol>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var ns = stack.Pop();
            yield return ns;
            foreach (var child in ns.GetNamespaceMembers())
            {
                stack.Push(child);
            }
        }
    }

    public static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol root)
    {
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is INamedTypeSymbol type)
            {
                yield return type;
            }

            if (current is INamespaceSymbol ns)
            {
                foreach (var child in ns.GetNamespaceMembers())
                {
                    stack.Push(child);
                }
            }

            foreach (var nested in current.GetTypeMembers())
            {
                stack.Push(nested);
            }
        }
    }

    /// <summary>Referenced assemblies compiled against ServicePolicy.Annotations (the annotations assembly itself excepted).</summary>
    public static IEnumerable<IAssemblySymbol> UsingAnnotations(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == AnnotationTypes.Namespace)
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                if (module.ReferencedAssemblies.Any(a => a.Name == AnnotationTypes.Namespace))
                {
                    yield return assembly;
                    break;
                }
            }
        }
    }
}
