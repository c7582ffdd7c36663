namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>Builds the per-compilation policy context the analyzers would see, for tests of the classifier.</summary>
internal static class ClassifierTestHelper
{
    public static (PolicyContext Context, Compilation Compilation) Create(string source, string? policy = null, Action<TestProject>? configure = null)
    {
        var project = new TestProject().AddSource(source);
        if (policy != null)
        {
            project.AddPolicy(policy);
        }

        configure?.Invoke(project);
        var compilation = project.CreateCompilation();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return (PolicyContext.GetOrCreate(compilation, project.CreateAnalyzerOptions(), CancellationToken.None), compilation);
    }

    public static INamedTypeSymbol Type(this Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException($"No type {metadataName}.");

    public static TSymbol Member<TSymbol>(this Compilation compilation, string typeMetadataName, string member)
        where TSymbol : ISymbol =>
        compilation.Type(typeMetadataName).GetMembers(member).OfType<TSymbol>().Single();
}
