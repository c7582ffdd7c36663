namespace ServicePolicy.Analyzers.Tests.CodeFixes;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>Asks a code fix provider which fixes it offers for a diagnostic, for "no fix offered" tests.</summary>
internal static class CodeFixProbe
{
    public static async Task<IReadOnlyList<string>> OfferedTitlesAsync(TestProject project, CodeFixProvider fix, Diagnostic diagnostic)
    {
        using var workspace = new AdhocWorkspace();
        var compilation = project.CreateCompilation();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Probe", "Probe", LanguageNames.CSharp,
            compilationOptions: compilation.Options, parseOptions: compilation.SyntaxTrees.First().Options, metadataReferences: compilation.References));
        DocumentId? target = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var id = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
            if (tree.FilePath == diagnostic.Location.SourceTree?.FilePath)
            {
                target = id;
            }
        }

        var document = solution.GetDocument(target!)!;
        var titles = new List<string>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None));
        return titles;
    }
}
