namespace ServicePolicy.Analyzers.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

/// <summary>
/// Attributes and type names read from syntax alone, for the pre-filters that decide what to bind: an
/// attribute is recognised by its written name (<c>ThirdPartySink</c> or <c>ThirdPartySinkAttribute</c>,
/// qualified or not), so one used under a <c>using</c> alias of another name is not seen.
/// </summary>
internal static class WrittenNames
{
    /// <summary>Whether one of the lists holds the attribute <paramref name="name"/> (without its <c>Attribute</c> suffix).</summary>
    public static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string name)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var written = LastIdentifier(attribute.Name);
                if (written.Length >= name.Length && written.StartsWith(name, StringComparison.Ordinal)
                    && (written.Length == name.Length || written == name + "Attribute"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The last identifier of a type or name: <c>Client</c> for <c>global::A.B.Client&lt;T&gt;?</c>.</summary>
    public static string LastIdentifier(SyntaxNode? node) =>
        node switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            NullableTypeSyntax nullable => LastIdentifier(nullable.ElementType),
            _ => "",
        };
}
