namespace ServicePolicy.Analyzers.CodeFixes;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

/// <summary>Reads the methods an analyzer resolved for its fix (';'-separated documentation comment ids).</summary>
internal static class FixHintReader
{
    public static ImmutableArray<IMethodSymbol> Methods(Diagnostic diagnostic, string property, Compilation compilation)
    {
        if (!diagnostic.Properties.TryGetValue(property, out var ids) || string.IsNullOrEmpty(ids))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var id in ids!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) is IMethodSymbol method)
            {
                methods.Add(method);
            }
        }

        return methods.ToImmutable();
    }

    public static string Text(Diagnostic diagnostic, string property) =>
        diagnostic.Properties.TryGetValue(property, out var value) && value != null ? value : "";
}
