namespace ServicePolicy.Analyzers.Tests.Harness;

using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

/// <summary>
/// Applies a code fix in an <see cref="AdhocWorkspace"/> and compares the result with the expected
/// source. <see cref="VerifyFixAsync"/> applies one fix at a time until no fixable diagnostic is left;
/// <see cref="VerifyFixAllAsync"/> applies the provider's FixAllProvider once for a whole document or
/// project. Both check that the fixed code compiles and that the analyzer no longer reports it.
/// </summary>
public static class CodeFixVerifier
{
    /// <summary>
    /// Fixes the diagnostics marked in <paramref name="sourceMarkup"/> one by one (the markup is checked
    /// first with <see cref="AnalyzerVerifier"/>) and compares with <paramref name="expectedSource"/>.
    /// </summary>
    /// <param name="equivalenceKey">Which of several offered actions to apply; null = the first one offered.</param>
    public static async Task VerifyFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string sourceMarkup, string expectedSource, string? policyYaml = null, string? equivalenceKey = null, Action<TestProject>? configure = null)
    {
        var project = CreateProject(sourceMarkup, policyYaml, configure);
        await AnalyzerVerifier.VerifyAsync(project, new[] { analyzer });

        var session = FixSession.Create(project);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var diagnostics = await session.FixableDiagnosticsAsync(analyzer, fix);
            if (diagnostics.IsEmpty)
            {
                break;
            }

            var diagnostic = diagnostics[0];
            var document = session.Solution.GetDocument(diagnostic.Location.SourceTree) ?? throw new XunitException("The diagnostic is not in a document of the test project.");
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context);
            var chosen = Flatten(actions).FirstOrDefault(a => equivalenceKey == null || a.EquivalenceKey == equivalenceKey);
            if (chosen == null)
            {
                throw new XunitException($"{fix.GetType().Name} offered no fix{(equivalenceKey == null ? "" : $" with equivalence key '{equivalenceKey}'")} for {diagnostic}. Offered: {string.Join(", ", Flatten(actions).Select(a => $"'{a.Title}' ({a.EquivalenceKey})"))}");
            }

            await session.ApplyAsync(chosen);
        }

        await session.AssertResultAsync(analyzer, fix, expectedSource);
    }

    /// <summary>Applies the fix to every diagnostic of <paramref name="scope"/> at once through the provider's FixAllProvider.</summary>
    public static async Task VerifyFixAllAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string sourceMarkup, string expectedSource, string? policyYaml = null, FixAllScope scope = FixAllScope.Document, string? equivalenceKey = null, Action<TestProject>? configure = null)
    {
        var project = CreateProject(sourceMarkup, policyYaml, configure);
        await AnalyzerVerifier.VerifyAsync(project, new[] { analyzer });

        var fixAll = fix.GetFixAllProvider() ?? throw new XunitException($"{fix.GetType().Name} has no FixAllProvider.");
        if (!fixAll.GetSupportedFixAllScopes().Contains(scope))
        {
            throw new XunitException($"{fix.GetType().Name}'s FixAllProvider does not support {scope}.");
        }

        var session = FixSession.Create(project);
        var diagnostics = await session.FixableDiagnosticsAsync(analyzer, fix);
        if (diagnostics.IsEmpty)
        {
            throw new XunitException("Nothing to fix: the analyzer reported no diagnostic the fix handles.");
        }

        var first = diagnostics[0];
        var document = session.Solution.GetDocument(first.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => actions.Add(action), CancellationToken.None));
        var key = equivalenceKey ?? Flatten(actions).FirstOrDefault()?.EquivalenceKey
            ?? throw new XunitException($"{fix.GetType().Name} offered no action with an equivalence key for {first}; Fix-all needs one.");

        var provider = new SessionDiagnosticProvider(session, analyzer);
        var fixAllContext = new FixAllContext(document, fix, scope, key, fix.FixableDiagnosticIds, provider, CancellationToken.None);
        var action = await fixAll.GetFixAsync(fixAllContext) ?? throw new XunitException("The FixAllProvider returned no action.");
        await session.ApplyAsync(action);
        await session.AssertResultAsync(analyzer, fix, expectedSource);
    }

    private static TestProject CreateProject(string sourceMarkup, string? policyYaml, Action<TestProject>? configure)
    {
        var project = new TestProject().AddSource(sourceMarkup);
        if (policyYaml != null)
        {
            project.AddPolicy(policyYaml);
        }

        configure?.Invoke(project);
        return project;
    }

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.NestedActions.IsDefaultOrEmpty)
            {
                yield return action;
            }
            else
            {
                foreach (var nested in Flatten(action.NestedActions))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>A workspace holding the test project, updated as fixes are applied.</summary>
    private sealed class FixSession
    {
        private readonly TestProject _project;
        private readonly AdhocWorkspace _workspace;

        private FixSession(TestProject project, AdhocWorkspace workspace)
        {
            _project = project;
            _workspace = workspace;
        }

        public Solution Solution => _workspace.CurrentSolution;

        public ProjectId ProjectId => Solution.ProjectIds[0];

        public static FixSession Create(TestProject project)
        {
            var workspace = new AdhocWorkspace();
            var compilation = project.CreateCompilation();
            var projectId = ProjectId.CreateNewId("TestProject");
            var info = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                compilationOptions: compilation.Options,
                parseOptions: compilation.SyntaxTrees.First().Options,
                metadataReferences: compilation.References);
            var solution = workspace.CurrentSolution.AddProject(info);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var id = DocumentId.CreateNewId(projectId, tree.FilePath);
                solution = solution.AddDocument(id, Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
            }

            foreach (var file in project.AdditionalFiles)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, file.Path), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
            }

            if (!workspace.TryApplyChanges(solution))
            {
                throw new XunitException("Could not create the test workspace.");
            }

            return new FixSession(project, workspace);
        }

        public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(DiagnosticAnalyzer analyzer, Project? project = null)
        {
            project ??= Solution.GetProject(ProjectId)!;
            var compilation = (await project.GetCompilationAsync())!;
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(_project.CreateAnalyzerOptions(), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        public async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix)
        {
            var all = await DiagnosticsAsync(analyzer);
            return all.Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToImmutableArray();
        }

        public async Task ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new XunitException($"The code action '{action.Title}' changes nothing.");
            if (!_workspace.TryApplyChanges(apply.ChangedSolution))
            {
                throw new XunitException($"The code action '{action.Title}' could not be applied.");
            }
        }

        public async Task AssertResultAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string expectedSource)
        {
            var document = Solution.GetProject(ProjectId)!.Documents.First(d => d.FilePath == TestProject.Directory + "Test0.cs");
            var actual = (await document.GetTextAsync()).ToString();
            if (Normalize(actual) != Normalize(expectedSource))
            {
                throw new XunitException("The fixed source differs from the expected one." + Environment.NewLine + TextDiff.Render(expectedSource, actual));
            }

            var compilation = (await Solution.GetProject(ProjectId)!.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new XunitException("The fixed source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
            }

            var left = (await FixableDiagnosticsAsync(analyzer, fix)).ToList();
            if (left.Count > 0)
            {
                throw new XunitException("The analyzer still reports after the fix:" + Environment.NewLine + string.Join(Environment.NewLine, left.Select(d => "  " + d)));
            }
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
    }

    /// <summary>Fix-all asks for diagnostics per document and per project; they come from running the analyzer.</summary>
    private sealed class SessionDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly FixSession _session;
        private readonly DiagnosticAnalyzer _analyzer;

        public SessionDiagnosticProvider(FixSession session, DiagnosticAnalyzer analyzer)
        {
            _session = session;
            _analyzer = analyzer;
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await _session.DiagnosticsAsync(_analyzer, project);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var all = await _session.DiagnosticsAsync(_analyzer, document.Project);
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return all.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}

/// <summary>A line diff for failure messages: <c>-</c> expected, <c>+</c> actual.</summary>
public static class TextDiff
{
    public static string Render(string expected, string actual)
    {
        var a = expected.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var b = actual.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        // Longest common subsequence over lines: small inputs, so the quadratic table is fine.
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var output = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                output.Append("  ").AppendLine(a[x]);
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || table[x, y + 1] > table[x + 1, y]))
            {
                output.Append("+ ").AppendLine(b[y]);
                y++;
            }
            else
            {
                output.Append("- ").AppendLine(a[x]);
                x++;
            }
        }

        return output.ToString();
    }
}
