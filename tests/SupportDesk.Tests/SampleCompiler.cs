namespace SupportDesk.Tests;

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Analyzers;

/// <summary>
/// Compiles a sample's sources in-process the way its build does: the installed reference packs,
/// the sample's own references, the SDK's implicit usings, every ServicePolicy analyzer, and the
/// policy handed over as an AdditionalFiles item named by build_property.ServicePolicyFile.
/// Returns the ServicePolicy findings (SPxxxx); the sample must compile without errors.
/// </summary>
internal sealed class SampleCompiler
{
    /// <summary>samples/SupportDesk.Unsafe: a class library (framework + annotations).</summary>
    public static readonly SampleCompiler Unsafe = new(
        RepositoryPaths.UnsafeSample,
        new[] { "Microsoft.NETCore.App.Ref" },
        new[] { typeof(ServicePolicy.Annotations.PersonalDataAttribute).Assembly.Location },
        LibraryUsings,
        OutputKind.DynamicallyLinkedLibrary);

    /// <summary>samples/SupportDesk: an ASP.NET Core app using the engine.</summary>
    public static readonly SampleCompiler SupportDesk = new(
        RepositoryPaths.SupportDeskSample,
        new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" },
        new[]
        {
            typeof(ServicePolicy.Annotations.PersonalDataAttribute).Assembly.Location,
            typeof(ServicePolicy.IPolicyEngine).Assembly.Location,
            typeof(ServicePolicy.Core.Model.Policy).Assembly.Location,
        },
        LibraryUsings + WebUsings,
        OutputKind.ConsoleApplication);

    private const string LibraryUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    private const string WebUsings = """
        global using System.Net.Http.Json;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;

        """;

    private readonly string _folder;
    private readonly string _implicitUsings;
    private readonly OutputKind _kind;
    private readonly Lazy<IReadOnlyList<MetadataReference>> _references;

    private SampleCompiler(string folder, string[] packs, string[] assemblies, string implicitUsings, OutputKind kind)
    {
        _folder = folder;
        _implicitUsings = implicitUsings;
        _kind = kind;
        _references = new Lazy<IReadOnlyList<MetadataReference>>(() => packs.SelectMany(ReferencePack).Concat(assemblies)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList());
    }

    /// <param name="policyPath">The policy, or null for a build with no policy file.</param>
    /// <param name="edit">Changes one source file before compiling (file relative to the sample, text in, text out).</param>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(string? policyPath, Func<string, string, string>? edit = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = SourceFiles()
            .Select(path =>
            {
                var text = File.ReadAllText(path);
                var relative = Path.GetRelativePath(_folder, path).Replace('\\', '/');
                return CSharpSyntaxTree.ParseText(SourceText.From(edit == null ? text : edit(relative, text)), parse, path);
            })
            .Append(CSharpSyntaxTree.ParseText(_implicitUsings, parse, "ImplicitUsings.g.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            Path.GetFileName(_folder),
            trees,
            _references.Value,
            new CSharpCompilationOptions(_kind, nullableContextOptions: NullableContextOptions.Enable));

        // A finding in code that does not bind would mean nothing: the sample must compile.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{Path.GetFileName(_folder)} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(20))}");

        var additional = policyPath == null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new PolicyText(policyPath));
        var options = new AnalyzerOptions(additional, new PolicyFileProperty(policyPath));
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.CreateAll().ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal))
            .Select(d => Finding.Of(d, _folder))
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    private IEnumerable<string> SourceFiles()
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.GetFiles(_folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The newest installed reference pack of this runtime's major version (what a build uses).</summary>
    private static IEnumerable<string> ReferencePack(string pack)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", pack);
        var folder = (Directory.Exists(packs) ? Directory.GetDirectories(packs) : Array.Empty<string>())
            .Select(d => (Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null, Folder: Path.Combine(d, "ref", $"net{Environment.Version.Major}.0")))
            .Where(x => x.Version?.Major == Environment.Version.Major && Directory.Exists(x.Folder))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Folder)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No {pack} reference pack for net{Environment.Version.Major}.0 under {packs}.");
        return Directory.GetFiles(folder, "*.dll");
    }

    private sealed class PolicyText : AdditionalText
    {
        public PolicyText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    /// <summary>build_property.ServicePolicyFile, as the samples' CompilerVisibleProperty passes it.</summary>
    private sealed class PolicyFileProperty : AnalyzerConfigOptionsProvider
    {
        public PolicyFileProperty(string? policyPath) => GlobalOptions = new Options(policyPath);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(null);

            private readonly string? _policyPath;

            public Options(string? policyPath) => _policyPath = policyPath;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == "build_property.ServicePolicyFile" ? _policyPath : null;
                return value != null;
            }
        }
    }
}

/// <summary>One finding: rule, file (relative to the sample folder, with / separators), line, and message.</summary>
internal sealed record Finding(string Id, string File, int Line, string Message)
{
    public static Finding Of(Diagnostic diagnostic, string folder)
    {
        // Location.None (a finding about the configuration, not about a file) has no path.
        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path ?? "";
        var file = path.Length == 0 ? "" : Path.GetRelativePath(folder, path).Replace('\\', '/');
        return new Finding(diagnostic.Id, file, path.Length == 0 ? 0 : span.StartLinePosition.Line + 1, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    public string Key => $"{Id} {File}:{Line}";

    public override string ToString() => $"{Key}  {Message}";
}
