namespace ServicePolicy.Cli.Scan;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers;

/// <summary>The ServicePolicy analyzers and their descriptors, from the analyzers' own catalogue.</summary>
public static class AnalyzerSource
{
    public static ImmutableArray<DiagnosticAnalyzer> CreateAll() => AnalyzerCatalog.CreateAll();

    public static DiagnosticDescriptor? Descriptor(string id) => Descriptors.All.FirstOrDefault(d => d.Id == id);
}
