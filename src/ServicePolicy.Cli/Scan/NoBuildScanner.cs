namespace ServicePolicy.Cli.Scan;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Cli.Infrastructure;

/// <summary>
/// `scan --no-build`: one compilation per project, as the build would make it (see
/// <see cref="ProjectCompiler"/>), each run through the analyzers. A crash of the compiler or of
/// an analyzer is contained to the project (then the file) it happened in, reported as an error
/// finding with where it happened, and the scan goes on with the rest. Each project gets a
/// binding-quality line; a project that binds too little gets a warning.
/// </summary>
public sealed class NoBuildScanner
{
    private static readonly Regex ContextTree = new(@"SyntaxTree:\s*(\S[^\r\n]*)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private readonly Func<ImmutableArray<DiagnosticAnalyzer>> _analyzers;

    public NoBuildScanner()
        : this(AnalyzerSource.CreateAll)
    {
    }

    /// <summary>With other analyzers than the ServicePolicy ones: the tests use one that crashes.</summary>
    internal NoBuildScanner(Func<ImmutableArray<DiagnosticAnalyzer>> analyzers) => _analyzers = analyzers;

    /// <summary>Runs the compiler and the analyzers over a whole project; the tests replace it with one that crashes like a compiler bug.</summary>
    internal Func<CompilationWithAnalyzers, ImmutableArray<Diagnostic>> WholeProject { get; init; } =
        withAnalyzers => withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    public ScanReport Scan(ScanTarget target, string? policyPath, Action<string> progress)
    {
        var projects = ScanProjects.Discover(target);
        var report = new ScanReport { Mode = "no-build", PolicyPath = policyPath };
        var compiler = new ProjectCompiler();
        var additionalFiles = AdditionalFiles(policyPath);
        foreach (var project in projects.Projects)
        {
            if (!project.Analyzed)
            {
                // Referenced from outside the scan: compiled (lazily, by Roslyn) only so that the scanned code binds to it.
                progress($"Compiling {project.Definition.Name}, referenced by the scanned projects");
                CompileReferenceOnly(report, compiler, project);
                continue;
            }

            progress($"Compiling and analysing {project.Definition.Name} ({project.SourceFiles.Count:N0} files)");
            ScanOne(report, compiler, project.Definition, project.SourceFiles, project.Definition.Folder, policyPath, additionalFiles);
        }

        if (projects.LooseFiles.Count > 0)
        {
            progress($"Compiling and analysing {projects.LooseFiles.Count:N0} files outside any project");
            ScanOne(report, compiler, null, projects.LooseFiles, Path.GetFullPath(target.Folder), policyPath, additionalFiles);
        }

        // The policy is checked once per compilation; one report of each policy problem is enough.
        var distinct = report.Findings.DistinctBy(f => (f.Id, f.File, f.Line, f.Column, f.Message)).ToList();
        report.Findings.Clear();
        report.Findings.AddRange(distinct);
        return report;
    }

    private static void CompileReferenceOnly(ScanReport report, ProjectCompiler compiler, ScanProjects.Project project)
    {
        try
        {
            compiler.Compile(project.Definition, project.SourceFiles, "ServicePolicyScan", project.Definition.Folder);
        }
        catch (Exception ex) when (ex is not CliInputException)
        {
            report.Findings.Add(ScanProblems.Crash(ScanProblems.CompilerCrash, $"The compiler crashed on {project.Definition.Name}, which the scanned code references, so references to it do not bind: {Describe(ex)}", project.Definition.Path));
        }
    }

    private void ScanOne(ScanReport report, ProjectCompiler compiler, MsBuildProject? project, IReadOnlyList<string> files, string folder, string? policyPath, ImmutableArray<AdditionalText> additionalFiles)
    {
        var name = project?.Name ?? "(files outside any project)";
        var where = project?.Path ?? folder;
        ProjectCompiler.Result compiled;
        try
        {
            compiled = compiler.Compile(project, files, "ServicePolicyScan", folder);
        }
        catch (Exception ex) when (ex is not CliInputException)
        {
            report.Findings.Add(ScanProblems.Crash(ScanProblems.CompilerCrash, $"The compiler crashed on {name}, so none of its code was checked: {Describe(ex)}", where));
            return;
        }

        report.FilesScanned += files.Count;
        report.LinesScanned += compiled.Lines;
        var crashes = new ConcurrentBag<Finding>();
        var options = new AnalyzerOptions(additionalFiles, new ScanAnalyzerConfigOptionsProvider(policyPath, folder));
        var analysisOptions = new CompilationWithAnalyzersOptions(options, (ex, analyzer, diagnostic) => crashes.Add(AnalyzerCrash(ex, analyzer, diagnostic)), concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var analyzers = _analyzers();
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = WholeProject(compiled.Compilation.WithAnalyzers(analyzers, analysisOptions));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The compiler itself threw while binding: go file by file so that one file's crash hides no other file's findings.
            diagnostics = FileByFile(compiled, analyzers, analysisOptions, report, ex);
        }

        var compilerDiagnostics = diagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden))
        {
            report.Findings.Add(ToFinding(diagnostic));
        }

        // AD0001 from the analyzer driver, when it reports the crash as a diagnostic rather than through the callback.
        foreach (var diagnostic in diagnostics.Where(d => d.Id == ScanProblems.AnalyzerCrash))
        {
            crashes.Add(ScanProblems.Crash(ScanProblems.AnalyzerCrash, diagnostic.GetMessage(CultureInfo.InvariantCulture), FileOf(diagnostic) ?? where));
        }

        report.Findings.AddRange(crashes.DistinctBy(c => (c.File, c.Message)));
        var quality = BindingQuality.Measure(name, compiled.Description, compiled.SourceTrees, compiled.Lines, compilerDiagnostics, compiled.Notes);
        report.Bindings.Add(quality);
        if (!quality.Trusted && quality.Names > 0)
        {
            report.Findings.Add(ScanProblems.Binding(
                string.Create(CultureInfo.InvariantCulture, $"{name}: {quality.UnresolvedNames:N0} of {quality.Names:N0} names did not bind ({quality.UnresolvedShare * 100:F1}%), so findings in it may be missing. {(quality.Notes.Count > 0 ? string.Join("; ", quality.Notes) + ". " : "")}{(project == null ? "These files belong to no project, so they were compiled against the .NET base library only; scan their project instead." : "Restore the project (`dotnet restore`) so its packages are known, or scan with a build.")}"),
                where));
        }
    }

    private static ImmutableArray<Diagnostic> FileByFile(ProjectCompiler.Result compiled, ImmutableArray<DiagnosticAnalyzer> analyzers, CompilationWithAnalyzersOptions analysisOptions, ScanReport report, Exception projectCrash)
    {
        var results = ImmutableArray.CreateBuilder<Diagnostic>();
        var withAnalyzers = compiled.Compilation.WithAnalyzers(analyzers, analysisOptions);
        var crashedFiles = 0;
        foreach (var tree in compiled.SourceTrees)
        {
            try
            {
                var model = compiled.Compilation.GetSemanticModel(tree);
                results.AddRange(model.GetDiagnostics());
                results.AddRange(withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult());
                results.AddRange(withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                crashedFiles++;
                report.Findings.Add(ScanProblems.Crash(ScanProblems.CompilerCrash, $"The compiler crashed on this file, so it was not checked: {Describe(ex)}", tree.FilePath));
            }
        }

        if (crashedFiles == 0)
        {
            // The crash happened outside any one file (e.g. in a whole-compilation step): say so, with the project.
            report.Findings.Add(ScanProblems.Crash(ScanProblems.CompilerCrash, $"The compiler crashed on {compiled.Compilation.AssemblyName} outside any one file; each file was then checked on its own: {Describe(projectCrash)}", compiled.SourceTrees.FirstOrDefault()?.FilePath ?? ""));
        }

        return results.ToImmutable();
    }

    private static Finding AnalyzerCrash(Exception ex, DiagnosticAnalyzer analyzer, Diagnostic diagnostic)
    {
        var file = FileOf(diagnostic) ?? "";
        var span = diagnostic.Location.GetMappedLineSpan();
        var line = span.IsValid && file.Length > 0 ? span.StartLinePosition.Line + 1 : 0;
        var column = span.IsValid && file.Length > 0 ? span.StartLinePosition.Character + 1 : 0;
        return ScanProblems.Crash(ScanProblems.AnalyzerCrash, $"Analyzer {analyzer.GetType().FullName} crashed, so the code it was looking at was not checked by it: {Describe(ex)}", file, line, column);
    }

    /// <summary>The file a crash diagnostic names: its location, else the "SyntaxTree:" line of the context Roslyn adds to AD0001.</summary>
    private static string? FileOf(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetMappedLineSpan().Path;
        if (!string.IsNullOrEmpty(path))
        {
            return path;
        }

        var match = ContextTree.Match(diagnostic.GetMessage(CultureInfo.InvariantCulture) + "\n" + diagnostic.Descriptor.Description.ToString(CultureInfo.InvariantCulture));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>The exception's type, message and the frame it came from: enough to report it, not a whole stack trace.</summary>
    private static string Describe(Exception ex)
    {
        var inner = ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex;
        var frame = inner.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return frame == null ? $"{inner.GetType().Name}: {inner.Message}" : $"{inner.GetType().Name}: {inner.Message} ({frame})";
    }

    private static Finding ToFinding(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var known = span.IsValid && !string.IsNullOrEmpty(span.Path);
        return new Finding(
            diagnostic.Id,
            Finding.NormaliseSeverity(diagnostic.Severity.ToString()),
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            known ? span.Path : "",
            known ? span.StartLinePosition.Line + 1 : 0,
            known ? span.StartLinePosition.Character + 1 : 0,
            known ? span.EndLinePosition.Line + 1 : 0,
            known ? span.EndLinePosition.Character + 1 : 0,
            diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture),
            diagnostic.Descriptor.HelpLinkUri ?? "");
    }

    /// <summary>The policy and every file it includes, as AdditionalFiles, the way a build passes them.</summary>
    private static ImmutableArray<AdditionalText> AdditionalFiles(string? policyPath) =>
        policyPath == null
            ? ImmutableArray<AdditionalText>.Empty
            : PolicyFiles.ReadWithIncludes(policyPath).Select(f => (AdditionalText)new FileAdditionalText(f.Key, f.Value)).ToImmutableArray();
}
