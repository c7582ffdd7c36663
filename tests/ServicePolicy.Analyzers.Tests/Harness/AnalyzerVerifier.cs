namespace ServicePolicy.Analyzers.Tests.Harness;

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Core.Loading;
using Xunit.Sdk;

/// <summary>What running analyzers over a test project produced.</summary>
public sealed class AnalyzerRunResult
{
    public AnalyzerRunResult(CSharpCompilation compilation, ImmutableArray<Diagnostic> analyzerDiagnostics, ImmutableArray<Diagnostic> compilerDiagnostics, IReadOnlyList<string> analyzerExceptions)
    {
        Compilation = compilation;
        AnalyzerDiagnostics = analyzerDiagnostics;
        CompilerDiagnostics = compilerDiagnostics;
        AnalyzerExceptions = analyzerExceptions;
    }

    public CSharpCompilation Compilation { get; }

    /// <summary>Every diagnostic the analyzers reported (after severity options), AD0001 included.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    public ImmutableArray<Diagnostic> CompilerDiagnostics { get; }

    /// <summary>Exceptions that escaped the analyzers (each would have been an AD0001).</summary>
    public IReadOnlyList<string> AnalyzerExceptions { get; }

    public IEnumerable<Diagnostic> WithId(string id) => AnalyzerDiagnostics.Where(d => d.Id == id);
}

/// <summary>Knobs of <see cref="AnalyzerVerifier.VerifyAsync(TestProject, IReadOnlyList{DiagnosticAnalyzer}, string?, IEnumerable{ExpectedDiagnostic}?, VerifyOptions?)"/>.</summary>
public sealed class VerifyOptions
{
    public static readonly VerifyOptions Default = new();

    /// <summary>Let the test source have compiler errors (to check the analyzers survive broken code).</summary>
    public bool AllowCompilerErrors { get; init; }

    /// <summary>Let the test policy have errors without the test failing (SP9001 tests).</summary>
    public bool AllowPolicyErrors { get; init; }

    /// <summary>The ids compared; default: every id the analyzers under test support.</summary>
    public IReadOnlyCollection<string>? CheckedIds { get; init; }
}

/// <summary>
/// Runs analyzers over an in-memory project and asserts the exact set of diagnostics: the ids and
/// spans marked in the sources (and AdditionalFiles) plus any extra expectations; nothing more,
/// nothing less. Also fails on compiler errors in the test source, on analyzer exceptions (AD0001)
/// and on a test policy that does not load cleanly, so that a test cannot pass for the wrong reason.
/// </summary>
public static class AnalyzerVerifier
{
    /// <summary>One source, an optional policy (servicepolicy.yaml), one analyzer; <c>[|...|]</c> means its first rule.</summary>
    public static Task VerifyAsync<TAnalyzer>(string sourceMarkup, string? policyYaml = null, params ExpectedDiagnostic[] extra)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var project = new TestProject().AddSource(sourceMarkup);
        if (policyYaml != null)
        {
            project.AddPolicy(policyYaml);
        }

        return VerifyAsync(project, new DiagnosticAnalyzer[] { new TAnalyzer() }, null, extra);
    }

    public static async Task VerifyAsync(TestProject project, IReadOnlyList<DiagnosticAnalyzer> analyzers, string? defaultId = null, IEnumerable<ExpectedDiagnostic>? extra = null, VerifyOptions? options = null)
    {
        options ??= VerifyOptions.Default;
        var checkedIds = options.CheckedIds ?? analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        defaultId ??= analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).FirstOrDefault(id => id != "SP9003");

        if (!options.AllowPolicyErrors && !checkedIds.Contains("SP9001"))
        {
            AssertPolicyLoadsCleanly(project);
        }

        var result = await RunAsync(project, analyzers.ToArray());
        var problems = new StringBuilder();

        if (result.AnalyzerExceptions.Count > 0)
        {
            problems.AppendLine("Analyzer exceptions escaped (AD0001):");
            foreach (var exception in result.AnalyzerExceptions)
            {
                problems.AppendLine("  " + exception);
            }
        }

        var compilerErrors = result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!options.AllowCompilerErrors && compilerErrors.Count > 0)
        {
            problems.AppendLine("The test source does not compile:");
            foreach (var error in compilerErrors)
            {
                problems.AppendLine("  " + Render(error, result.Compilation));
            }
        }

        var expected = new List<ExpectedDiagnostic>();
        foreach (var file in project.Sources.Concat(project.AdditionalFiles))
        {
            var text = SourceText.From(file.Text);
            foreach (var (id, span) in file.Expected)
            {
                var lines = text.Lines.GetLinePositionSpan(span);
                expected.Add(new ExpectedDiagnostic(id ?? defaultId ?? "?", file.Path, lines.Start.Line + 1, lines.Start.Character + 1, lines.End.Line + 1, lines.End.Character + 1));
            }
        }

        expected.AddRange(extra ?? Array.Empty<ExpectedDiagnostic>());
        var actual = result.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal) || checkedIds.Contains(d.Id)).ToList();

        var unmatchedActual = new List<Diagnostic>(actual);
        var missing = new List<ExpectedDiagnostic>();
        foreach (var expectation in expected)
        {
            var match = unmatchedActual.FirstOrDefault(expectation.Matches);
            if (match == null)
            {
                missing.Add(expectation);
            }
            else
            {
                unmatchedActual.Remove(match);
            }
        }

        if (missing.Count > 0 || unmatchedActual.Count > 0)
        {
            problems.AppendLine("Diagnostics differ.");
            if (missing.Count > 0)
            {
                problems.AppendLine("Expected but not reported:");
                foreach (var expectation in missing)
                {
                    problems.AppendLine("  - " + expectation + Excerpt(project, expectation));
                }
            }

            if (unmatchedActual.Count > 0)
            {
                problems.AppendLine("Reported but not expected:");
                foreach (var diagnostic in unmatchedActual)
                {
                    problems.AppendLine("  + " + Render(diagnostic, result.Compilation, project));
                }
            }

            problems.AppendLine("All reported (checked ids):");
            foreach (var diagnostic in actual)
            {
                problems.AppendLine("    " + Render(diagnostic, result.Compilation, project));
            }
        }

        if (problems.Length > 0)
        {
            throw new XunitException(problems.ToString());
        }
    }

    /// <summary>Runs the analyzers and returns everything, for tests that assert messages or counts themselves.</summary>
    public static async Task<AnalyzerRunResult> RunAsync(TestProject project, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = project.CreateCompilation();
        var exceptions = new List<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            project.CreateAnalyzerOptions(),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), analyzerOptions);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new AnalyzerRunResult(compilation, diagnostics, compilation.GetDiagnostics(), exceptions);
    }

    /// <summary>Fails when a policy-named AdditionalFile of the project does not load without errors.</summary>
    public static void AssertPolicyLoadsCleanly(TestProject project)
    {
        foreach (var file in project.AdditionalFiles.Where(f => PolicyFileLocator.IsConventionalName(f.Path)))
        {
            var options = new PolicyLoadOptions
            {
                ReadFile = path => project.AdditionalFiles.FirstOrDefault(f => PolicyFileLocator.NormalizePath(f.Path) == PolicyFileLocator.NormalizePath(path))?.Text,
            };
            var loaded = PolicyLoader.LoadText(file.Text, file.Path, options);
            var errors = loaded.Errors.Where(e => e.IsError).ToList();
            if (errors.Count > 0)
            {
                throw new XunitException($"The test policy {file.Path} has errors (fix the test, or set AllowPolicyErrors):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
            }
        }
    }

    private static string Render(Diagnostic diagnostic, Compilation compilation, TestProject? project = null)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (diagnostic.Location.Kind == LocationKind.None)
        {
            return $"{diagnostic.Id} (no location) [{diagnostic.Severity}]: {message}";
        }

        var span = diagnostic.Location.GetLineSpan();
        var where = $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
        string excerpt = "";
        if (diagnostic.Location.SourceTree != null)
        {
            excerpt = $" `{Shorten(diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan))}`";
        }
        else if (project != null)
        {
            var file = project.AdditionalFiles.FirstOrDefault(f => f.Path == span.Path);
            if (file != null && diagnostic.Location.SourceSpan.End <= file.Text.Length)
            {
                excerpt = $" `{Shorten(file.Text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length))}`";
            }
        }

        return $"{diagnostic.Id} {where}{excerpt} [{diagnostic.Severity}]: {message}";
    }

    private static string Excerpt(TestProject project, ExpectedDiagnostic expectation)
    {
        if (!expectation.HasLocation || expectation.EndLine == 0)
        {
            return "";
        }

        var file = project.Sources.Concat(project.AdditionalFiles).FirstOrDefault(f => f.Path == expectation.Path);
        if (file == null)
        {
            return "";
        }

        var text = SourceText.From(file.Text);
        var span = text.Lines.GetTextSpan(new LinePositionSpan(new LinePosition(expectation.Line - 1, expectation.Column - 1), new LinePosition(expectation.EndLine - 1, expectation.EndColumn - 1)));
        return $" `{Shorten(text.ToString(span))}`";
    }

    private static string Shorten(string text)
    {
        var single = string.Join(" ", text.Split('\n').Select(l => l.Trim()));
        return single.Length <= 70 ? single : single[..67] + "...";
    }
}
