namespace ServicePolicy.Analyzers.Classification;

using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ServicePolicy.Core;

/// <summary>The ServicePolicy.Annotations attributes, one per meaning.</summary>
internal enum Annotation
{
    PersonalData,
    ProtectedAttribute,
    ThirdPartySink,
    ConsentCheck,
    DecisionContext,
    CustomerFacingText,
    Redactor,
}

/// <summary>
/// The attribute types of ServicePolicy.Annotations, resolved once per compilation. When the
/// assembly is not referenced (or a project declares its own copies in source), attributes are
/// recognised by namespace and name instead, so copied attribute declarations work too.
/// </summary>
internal sealed class AnnotationTypes
{
    public const string Namespace = "ServicePolicy.Annotations";

    private static readonly string[] MetadataNames =
    {
        "PersonalDataAttribute",
        "ProtectedAttributeAttribute",
        "ThirdPartySinkAttribute",
        "ConsentCheckAttribute",
        "DecisionContextAttribute",
        "CustomerFacingTextAttribute",
        "RedactorAttribute",
    };

    private readonly INamedTypeSymbol?[] _types;

    public AnnotationTypes(Compilation compilation)
    {
        _types = MetadataNames.Select(name => compilation.GetTypeByMetadataName(Namespace + "." + name)).ToArray();
    }

    /// <summary>Which annotation <paramref name="attribute"/> is, or null when it is none of them.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    public Annotation? Identify(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type == null)
        {
            return null;
        }

        for (var i = 0; i < _types.Length; i++)
        {
            if (_types[i] != null && SymbolEqualityComparer.Default.Equals(type, _types[i]))
            {
                return (Annotation)i;
            }
        }

        // Fallback: a source-declared or second copy of the attributes.
        if (!type.Name.EndsWith("Attribute", StringComparison.Ordinal) || !IsAnnotationsNamespace(type.ContainingNamespace))
        {
            return null;
        }

        var index = Array.IndexOf(MetadataNames, type.Name);
        return index < 0 ? null : (Annotation)index;
    }

    /// <summary>The first attribute of kind <paramref name="kind"/> on <paramref name="symbol"/>, or null.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    public AttributeData? Find(ISymbol symbol, Annotation kind)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Identify(attribute) == kind)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The first string constructor argument of an annotation (category, attribute, recipient, context), or "".</summary>
    public static string FirstStringArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text ? text : "";

    private static bool IsAnnotationsNamespace(INamespaceSymbol? ns) =>
        ns is { Name: "Annotations" } && ns.ContainingNamespace is { Name: "ServicePolicy" } parent && parent.ContainingNamespace is { IsGlobalNamespace: true };
}
