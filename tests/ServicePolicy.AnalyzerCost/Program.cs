using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.AnalyzerCost;

// Usage: dotnet run -c Release --project tests/ServicePolicy.AnalyzerCost -- <project dir> <csc response file> [rounds]
// The response file is the compiler command line of a build with the ServicePolicy analyzers (one argument per
// line, as docs/performance.md extracts it from a -v:d build log). Each round compiles the project once (emit,
// one thread) and runs the ServicePolicy analyzers once over a fresh compilation, with every callback they
// register timed in CPU time of its own thread. The ratio of the two is measured seconds apart in the same
// process, so a host that runs slower or faster for a while changes both alike.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ServicePolicy.AnalyzerCost <project dir> <csc response file> [rounds]");
    return 2;
}

if (!ThreadCpuClock.IsAvailable)
{
    Console.Error.WriteLine("Thread CPU time is read through clock_gettime: Linux only.");
    return 2;
}

var projectDir = Path.GetFullPath(args[0]);
var lines = File.ReadAllLines(args[1]).Where(l => l.Length > 0).ToArray();
var rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
var parsed = CSharpCommandLineParser.Default.Parse(lines, projectDir, sdkDirectory: null);
foreach (var error in parsed.Errors.Where(e => e.Severity == DiagnosticSeverity.Error))
{
    Console.Error.WriteLine(error);
}

var trees = parsed.SourceFiles
    .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f.Path)), parsed.ParseOptions, f.Path))
    .ToArray();
var references = parsed.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference)).ToArray();
var options = parsed.CompilationOptions.WithConcurrentBuild(false);
var additionalFiles = parsed.AdditionalFiles.Select(f => (AdditionalText)new FileText(f.Path)).ToImmutableArray();
// The analyzers' dependencies (YamlDotNet) are /analyzer: arguments too, as the NuGet package passes them.
var dependencies = parsed.AnalyzerReferences.Select(r => Path.GetFullPath(r.FilePath, projectDir)).ToArray();
AppDomain.CurrentDomain.AssemblyResolve += (_, request) =>
{
    var name = new System.Reflection.AssemblyName(request.Name).Name + ".dll";
    var path = dependencies.FirstOrDefault(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));
    return path == null ? null : System.Reflection.Assembly.LoadFrom(path);
};
var loader = new AssemblyLoader();
var analyzers = parsed.AnalyzerReferences
    .Where(r => Path.GetFileName(r.FilePath).StartsWith("ServicePolicy.", StringComparison.Ordinal))
    .SelectMany(r => new AnalyzerFileReference(Path.GetFullPath(r.FilePath, projectDir), loader).GetAnalyzers(LanguageNames.CSharp))
    .ToArray();
Console.WriteLine($"{trees.Length} files, {trees.Sum(t => t.GetText().Lines.Count):N0} lines, {references.Length} references, {analyzers.Length} ServicePolicy analyzers, {additionalFiles.Length} additional files");

for (var round = 1; round <= rounds; round++)
{
    var compile = Measure(() =>
    {
        var compilation = CSharpCompilation.Create("LargeDesk", trees, references, options);
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            throw new InvalidOperationException("The project does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }
    });

    var callbacks = new CallbackCpu();
    var found = 0;
    var analysis = Measure(() =>
    {
        var compilation = CSharpCompilation.Create("LargeDesk", trees, references, options);
        var timed = analyzers.Select(a => (DiagnosticAnalyzer)new TimedAnalyzer(a, callbacks)).ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(timed, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        found = diagnostics.Count(d => d.Id.StartsWith("SP", StringComparison.Ordinal));
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {group.Key} x{group.Count()}: {group.First().GetMessage()}");
        }
    });

    // The garbage collector's share: the compile's collection time per allocated byte, applied to what the
    // callbacks allocated (their objects are as short-lived as the compiler's, so this is the right order of size).
    // Collections a callback triggers partly run on its own thread and are in its CPU time already: counting
    // them again errs on the side of a larger cost.
    var gcPerByte = compile.GcPause.TotalSeconds / Math.Max(1, compile.AllocatedBytes);
    var callbackGc = TimeSpan.FromSeconds(gcPerByte * callbacks.AllocatedBytes);
    Console.WriteLine(
        $"round {round}: compile+emit {compile.Cpu.TotalSeconds:F1} s CPU ({compile.AllocatedBytes / 1e6:N0} MB allocated, {compile.GcPause.TotalSeconds:F2} s in GC pauses); " +
        $"ServicePolicy callbacks {callbacks.Total.TotalSeconds:F2} s CPU (JIT {callbacks.Jit.TotalSeconds:F2} s), {callbacks.AllocatedBytes / 1e6:N0} MB allocated (~{callbackGc.TotalSeconds:F2} s of GC at the compile's rate) " +
        $"({callbacks.Calls:N0} calls, {found} findings) = {(callbacks.Total + callbackGc).TotalSeconds / compile.Cpu.TotalSeconds * 100:F1}% of the compile (GC share included); " +
        $"whole analysis run (binding for the events included) {analysis.Cpu.TotalSeconds:F1} s CPU");
    foreach (var (analyzer, cpu, bytes, calls) in callbacks.ByAnalyzer())
    {
        Console.WriteLine($"    {analyzer,-40} {cpu.TotalSeconds,6:F2} s CPU {bytes / 1e6,8:N1} MB {calls,8:N0} calls");
    }
}

return 0;

static Cost Measure(Action action)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var process = Process.GetCurrentProcess();
    var before = process.TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var pauseBefore = GC.GetTotalPauseDuration();
    action();
    process.Refresh();
    return new Cost(process.TotalProcessorTime - before, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, GC.GetTotalPauseDuration() - pauseBefore);
}

internal readonly record struct Cost(TimeSpan Cpu, long AllocatedBytes, TimeSpan GcPause);

internal sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
}

internal sealed class AssemblyLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
}
