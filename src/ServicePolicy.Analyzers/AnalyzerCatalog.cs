namespace ServicePolicy.Analyzers;

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Every ServicePolicy analyzer, for hosts that run them without MSBuild (the CLI's
/// <c>scan --no-build</c>). The list is every public, concrete <see cref="DiagnosticAnalyzer"/>
/// of this assembly marked <c>[DiagnosticAnalyzer]</c>, exactly what the compiler would load, so a
/// new analyzer cannot be forgotten here.
/// </summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<ImmutableArray<Type>> AnalyzerTypes = new(FindAnalyzerTypes);

    /// <summary>New instances of every analyzer, ordered by type name.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAll() =>
        AnalyzerTypes.Value.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    private static ImmutableArray<Type> FindAnalyzerTypes() =>
        typeof(AnalyzerCatalog).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToImmutableArray();
}
