namespace ServicePolicy.Analyzers.Fairness;

using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Core;

/// <summary>
/// The syntax-only pre-filter of SP2001: the names a property or field must have to be a protected
/// attribute or a proxy. SP2001 reports reads of such members, and a read names the member in the code,
/// so a body in a decision context that names none of them is not bound at all.
/// </summary>
/// <remarks>
/// Names come from the policy's <c>protectedAttributes</c> and <c>proxies</c> patterns (see
/// <see cref="MemberNameSet"/>), from <c>[ProtectedAttribute]</c> on properties, fields and record
/// parameters in source (recognised by name), and from annotated members of referenced assemblies built
/// against the annotations.
/// </remarks>
internal sealed class ProtectedNameFilter
{
    private readonly MemberNameSet _names;

    private ProtectedNameFilter(MemberNameSet names, bool memberLevelDecisionContexts)
    {
        _names = names;
        MemberLevelDecisionContexts = memberLevelDecisionContexts;
    }

    public bool MatchesEverything => _names.MatchesEverything;

    /// <summary>
    /// False when only types can be decision contexts (no <c>decisionContexts.methods</c> pattern in the policy and
    /// no <c>[DecisionContext]</c> on a member in source or in annotated assemblies): then one answer per type
    /// decides for all its members, without asking for each member's symbol.
    /// </summary>
    public bool MemberLevelDecisionContexts { get; }

    public bool Matches(string name) => _names.Matches(name);

    /// <summary>Whether the code under <paramref name="node"/> names a member that may be protected.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    public bool MayRead(SyntaxNode node)
    {
        if (MatchesEverything)
        {
            return true;
        }

        foreach (var token in node.DescendantTokens())
        {
            if (token.Parent is IdentifierNameSyntax && _names.Matches(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    public static ProtectedNameFilter Build(Compilation compilation, PolicyBindings bindings, SymbolClassifier classifier, CancellationToken cancellationToken)
    {
        var names = new MemberNameSet(compilation, methods: false, cancellationToken);
        foreach (var (pattern, _) in bindings.ProtectedAttributes)
        {
            names.AddPattern(pattern);
        }

        foreach (var (pattern, _) in bindings.Proxies)
        {
            names.AddPattern(pattern);
        }

        if (bindings.FieldNames.HasProtectedFields)
        {
            names.AddWordMatcher(bindings.IsCompoundProtectedName);
        }

        var memberLevel = bindings.DecisionContexts.Any(c => c.Methods.Count > 0);

        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or ParameterListSyntax or BaseFieldDeclarationSyntax or VariableDeclarationSyntax))
            {
                if (!memberLevel && node is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax && MemberHasDecisionContext(node))
                {
                    memberLevel = true;
                }

                switch (node)
                {
                    case PropertyDeclarationSyntax property when WrittenNames.HasAttribute(property.AttributeLists, "ProtectedAttribute"):
                        names.Add(property.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field when WrittenNames.HasAttribute(field.AttributeLists, "ProtectedAttribute"):
                        foreach (var variable in field.Declaration.Variables)
                        {
                            names.Add(variable.Identifier.ValueText);
                        }

                        break;
                    case ParameterSyntax parameter when WrittenNames.HasAttribute(parameter.AttributeLists, "ProtectedAttribute"):
                        names.Add(parameter.Identifier.ValueText);
                        break;
                }
            }
        }

        foreach (var assembly in AssemblyWalk.UsingAnnotations(compilation))
        {
            foreach (var type in AssemblyWalk.Types(assembly.GlobalNamespace))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol && classifier.GetProtectedAttribute(member) != null)
                    {
                        names.Add(member.Name);
                    }

                    memberLevel |= member.GetAttributes().Any(a => a.AttributeClass?.Name == "DecisionContextAttribute");
                }
            }
        }

        return new ProtectedNameFilter(names, memberLevel);
    }

    /// <summary>[DecisionContext] on a method, property or accessor (recognised by name).</summary>
    private static bool MemberHasDecisionContext(SyntaxNode member)
    {
        if (member is not MemberDeclarationSyntax declaration)
        {
            return false;
        }

        if (WrittenNames.HasAttribute(declaration.AttributeLists, "DecisionContext"))
        {
            return true;
        }

        if (declaration is BasePropertyDeclarationSyntax { AccessorList: { } accessors })
        {
            foreach (var accessor in accessors.Accessors)
            {
                if (WrittenNames.HasAttribute(accessor.AttributeLists, "DecisionContext"))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
