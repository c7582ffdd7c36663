namespace ServicePolicy.Analyzers.Tests.Harness;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// An in-memory project for analyzer tests: C# sources with markup, AdditionalFiles (the policy),
/// MSBuild properties seen by analyzers, and diagnostic severity options (what .editorconfig's
/// <c>dotnet_diagnostic.ID.severity</c> becomes in the compiler).
/// </summary>
public sealed class TestProject
{
    public const string Directory = "/project/";

    /// <summary>Usings every test source gets, as the SDK's ImplicitUsings would add them.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using ServicePolicy.Annotations;
        """;

    private readonly List<TestFile> _sources = new();
    private readonly List<TestFile> _additionalFiles = new();

    public IReadOnlyList<TestFile> Sources => _sources;

    public IReadOnlyList<TestFile> AdditionalFiles => _additionalFiles;

    /// <summary>MSBuild properties visible to analyzers, by name without the <c>build_property.</c> prefix.</summary>
    public Dictionary<string, string> BuildProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-id severities, as an .editorconfig would set them.</summary>
    public Dictionary<string, ReportDiagnostic> Severities { get; } = new(StringComparer.Ordinal);

    public bool ReferenceAnnotations { get; set; } = true;

    public bool ReferenceLogging { get; set; } = true;

    public bool AddGlobalUsings { get; set; } = true;

    /// <summary>A console application for top-level statements; a library by default.</summary>
    public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Adds a C# source (markup allowed) as <c>/project/{name}</c>; returns the project.</summary>
    public TestProject AddSource(string markup, string? name = null)
    {
        var (text, spans) = Markup.Parse(markup);
        _sources.Add(new TestFile(Directory + (name ?? $"Test{_sources.Count}.cs"), text, spans));
        return this;
    }

    /// <summary>Adds an AdditionalFiles item; <c>{|ID:...|}</c> markup marks expected diagnostics in it.</summary>
    public TestProject AddAdditionalFile(string name, string markup)
    {
        var (text, spans) = Markup.Parse(markup, allowSquareBrackets: false);
        _additionalFiles.Add(new TestFile(name.StartsWith("/", StringComparison.Ordinal) ? name : Directory + name, text, spans));
        return this;
    }

    /// <summary>Adds the policy as <c>servicepolicy.yaml</c> (or another name).</summary>
    public TestProject AddPolicy(string yamlMarkup, string name = "servicepolicy.yaml") => AddAdditionalFile(name, yamlMarkup);

    public CSharpCompilation CreateCompilation()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = _sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), parseOptions, s.Path)).ToList();
        if (AddGlobalUsings)
        {
            var usings = ReferenceAnnotations ? GlobalUsings : GlobalUsings.Replace("global using ServicePolicy.Annotations;", "");
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(usings), parseOptions, Directory + "obj/GlobalUsings.g.cs"));
        }

        var references = new List<MetadataReference>(TestReferences.NetFramework);
        if (ReferenceAnnotations)
        {
            references.Add(TestReferences.Annotations);
        }

        if (ReferenceLogging)
        {
            references.AddRange(TestReferences.Logging);
        }

        var options = new CSharpCompilationOptions(OutputKind, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(Severities);
        return CSharpCompilation.Create("TestProject", trees, references, options);
    }

    public AnalyzerOptions CreateAnalyzerOptions()
    {
        var texts = _additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var global = BuildProperties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.Ordinal);
        return new AnalyzerOptions(texts, new TestAnalyzerConfigOptionsProvider(global));
    }
}

/// <summary>A file of a test project with the diagnostics its markup expects.</summary>
public sealed class TestFile
{
    public TestFile(string path, string text, IReadOnlyList<(string? Id, TextSpan Span)> expected)
    {
        Path = path;
        Text = text;
        Expected = expected;
    }

    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<(string? Id, TextSpan Span)> Expected { get; }
}
