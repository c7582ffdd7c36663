namespace ServicePolicy.Cli.Scan;

using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Cli.Infrastructure;

/// <summary>
/// `scan --no-build`: parses every C# file under the folder (bin and obj skipped), compiles them
/// against framework reference assemblies only, and runs the analyzers. Compiler errors from
/// missing references are ignored: symbols that do not bind are simply not seen, the rest is.
/// </summary>
public sealed class NoBuildScanner
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "packages" };

    public ScanReport Scan(ScanTarget target, string? policyPath, Action<string> progress)
    {
        var files = SourceFiles(target.Folder);
        progress($"Parsing {files.Count:N0} C# files");
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None);
        var trees = new SyntaxTree[files.Count];
        long lines = 0;
        Parallel.For(0, files.Count, i =>
        {
            var text = ReadSource(files[i]);
            trees[i] = CSharpSyntaxTree.ParseText(text, parseOptions, files[i]);
            Interlocked.Add(ref lines, text.Lines.Count);
        });

        progress("Compiling with framework references");
        var allTrees = trees.ToList();
        var implicitUsings = ImplicitUsings.TreeFor(target.Folder, ProjectFiles(target.Folder), parseOptions);
        if (implicitUsings != null)
        {
            allTrees.Add(implicitUsings);
        }

        var compilation = CSharpCompilation.Create(
            "ServicePolicyScan",
            allTrees,
            ReferenceAssemblies.Load(),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true,
                concurrentBuild: true));

        progress("Running the ServicePolicy analyzers");
        var analyzers = AnalyzerSource.CreateAll();
        var options = new AnalyzerOptions(AdditionalFiles(policyPath), new ScanAnalyzerConfigOptionsProvider(policyPath, target.Folder));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        var report = new ScanReport { Mode = "no-build", PolicyPath = policyPath, FilesScanned = files.Count, LinesScanned = lines };
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden))
        {
            report.Findings.Add(ToFinding(diagnostic));
        }

        return report;
    }

    private static Finding ToFinding(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var known = span.IsValid && !string.IsNullOrEmpty(span.Path);
        return new Finding(
            diagnostic.Id,
            Finding.NormaliseSeverity(diagnostic.Severity.ToString()),
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            known ? span.Path : "",
            known ? span.StartLinePosition.Line + 1 : 0,
            known ? span.StartLinePosition.Character + 1 : 0,
            known ? span.EndLinePosition.Line + 1 : 0,
            known ? span.EndLinePosition.Character + 1 : 0,
            diagnostic.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Descriptor.HelpLinkUri ?? "");
    }

    /// <summary>The policy and every file it includes, as AdditionalFiles, the way a build passes them.</summary>
    private static ImmutableArray<AdditionalText> AdditionalFiles(string? policyPath) =>
        policyPath == null
            ? ImmutableArray<AdditionalText>.Empty
            : PolicyFiles.ReadWithIncludes(policyPath).Select(f => (AdditionalText)new FileAdditionalText(f.Key, f.Value)).ToImmutableArray();

    private static Microsoft.CodeAnalysis.Text.SourceText ReadSource(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Microsoft.CodeAnalysis.Text.SourceText.From(stream, Encoding.UTF8, canBeEmbedded: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: the source file could not be read: {ex.Message}");
        }
    }

    public static List<string> SourceFiles(string folder) => FilesUnder(folder, "*.cs");

    /// <summary>Project files and Directory.Build.props under the folder (they say whether implicit usings are on).</summary>
    private static List<string> ProjectFiles(string folder) =>
        FilesUnder(folder, "*.csproj").Concat(FilesUnder(folder, "Directory.Build.props")).ToList();

    private static List<string> FilesUnder(string folder, string pattern)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(folder));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                files.AddRange(Directory.GetFiles(current, pattern));
                foreach (var sub in Directory.GetDirectories(current))
                {
                    var name = Path.GetFileName(sub);
                    if (!name.StartsWith('.') && !SkippedFolders.Contains(name) && !FileLinks.IsLink(sub))
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"{Paths.Display(current)}: error file-unreadable: the folder could not be read: {ex.Message}");
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
