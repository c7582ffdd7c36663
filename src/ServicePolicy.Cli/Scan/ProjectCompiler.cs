namespace ServicePolicy.Cli.Scan;

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Cli.Infrastructure;

/// <summary>
/// Makes the compilation a build would make for one project, without MSBuild: its sources parsed
/// with its language version and symbols, its global usings, its shared frameworks, packages and
/// referenced projects, its nullable context.
/// </summary>
public sealed class ProjectCompiler
{
    private readonly FrameworkPacks _packs = new();
    private readonly Dictionary<string, MetadataReference> _compiledProjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetadataReference> _files = new(StringComparer.Ordinal);

    /// <summary>The compilation and what went into it, for the binding-quality line.</summary>
    public sealed record Result(CSharpCompilation Compilation, IReadOnlyList<SyntaxTree> SourceTrees, long Lines, string Description, IReadOnlyList<string> Notes);

    public Result Compile(MsBuildProject? project, IReadOnlyList<string> sourceFiles, string looseName, string looseFolder)
    {
        var targetFramework = project?.TargetFramework ?? "";
        var symbols = SdkDefaults.FrameworkSymbols(targetFramework)
            .Concat((project?.Property("DefineConstants") ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var languageVersion = SdkDefaults.LanguageVersionFor(project?.Property("LangVersion") ?? "", targetFramework);
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.None, SourceCodeKind.Regular, symbols);
        var trees = new SyntaxTree[sourceFiles.Count];
        long lines = 0;
        Parallel.For(0, sourceFiles.Count, i =>
        {
            var text = ReadSource(sourceFiles[i]);
            trees[i] = CSharpSyntaxTree.ParseText(text, parseOptions, sourceFiles[i]);
            Interlocked.Add(ref lines, text.Lines.Count);
        });

        var notes = new List<string>();
        var allTrees = trees.ToList();
        var globalUsings = GlobalUsings(project, parseOptions, looseFolder);
        if (globalUsings != null)
        {
            allTrees.Add(globalUsings);
        }

        var references = new List<MetadataReference>();
        var netMajor = SdkDefaults.NetMajor(targetFramework);
        var packages = project == null ? null : PackageAssemblies.Resolve(project);
        var frameworks = project == null ? new List<string> { "Microsoft.NETCore.App" } : SdkDefaults.SharedFrameworks(project).Concat(packages!.FrameworkReferences).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var framework in frameworks)
        {
            var pack = _packs.Find(framework, netMajor);
            if (pack == null)
            {
                notes.Add($"no reference pack for {framework} is installed");
                continue;
            }

            if (pack.Note != null)
            {
                notes.Add(pack.Note);
            }

            references.AddRange(pack.Assemblies.Select(FileReference));
        }

        if (packages != null)
        {
            references.AddRange(packages.Assemblies.Select(FileReference));
            if (packages.Missing.Count > 0)
            {
                notes.Add($"packages not found ({packages.Source}): {string.Join(", ", packages.Missing.Take(5))}{(packages.Missing.Count > 5 ? $" and {packages.Missing.Count - 5} more" : "")}");
            }
        }

        foreach (var reference in project?.ProjectReferences ?? new List<string>())
        {
            if (_compiledProjects.TryGetValue(reference, out var compiled))
            {
                references.Add(compiled);
            }
            else
            {
                notes.Add($"referenced project not compiled: {Paths.Display(reference)}");
            }
        }

        // Annotated code binds even when the project does not reference the annotations package itself.
        var annotations = Path.Combine(AppContext.BaseDirectory, "ServicePolicy.Annotations.dll");
        var hasAnnotations = references.OfType<PortableExecutableReference>().Any(r => Path.GetFileName(r.FilePath) == "ServicePolicy.Annotations.dll")
            || references.OfType<CompilationReference>().Any(r => r.Compilation.AssemblyName == "ServicePolicy.Annotations");
        if (File.Exists(annotations) && !hasAnnotations)
        {
            references.Add(FileReference(annotations));
        }

        var assemblyName = project == null ? looseName : Or(project.Property("AssemblyName"), project.Name);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            allTrees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                // Nullable analysis changes no name binding and no ServicePolicy finding, and costs about a
                // third of a scan's CPU time; so the scan compiles without it, whatever the project says.
                nullableContextOptions: NullableContextOptions.Disable,
                allowUnsafe: project == null || string.Equals(project.Property("AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase),
                concurrentBuild: true));
        if (project != null)
        {
            _compiledProjects[project.Path] = compilation.ToMetadataReference();
        }

        var description = project == null
            ? $"{looseName} (no project; framework references only)"
            : $"{project.Name} ({Or(project.Sdk, "no SDK")}, {Or(targetFramework, "no target framework")}, C# {languageVersion.ToDisplayString()}; {(packages!.Source == "no packages" ? "no packages" : "packages from " + packages.Source)})";
        return new Result(compilation, trees, lines, description, notes);
    }

    /// <summary>The project's global usings: the SDK's implicit ones when switched on, then its Using items.</summary>
    private static SyntaxTree? GlobalUsings(MsBuildProject? project, CSharpParseOptions options, string looseFolder)
    {
        var implicitOn = project != null
            ? project.Property("ImplicitUsings").Trim().ToLowerInvariant() is "enable" or "true"
            : ImplicitUsingsAbove(looseFolder);
        var usings = new List<string>();
        if (implicitOn)
        {
            usings.AddRange(SdkDefaults.ImplicitUsings(project?.Sdk ?? "Microsoft.NET.Sdk").Select(n => $"global using global::{n};"));
        }

        foreach (var item in project?.Usings ?? new List<UsingItem>())
        {
            usings.Add(item.Static ? $"global using static global::{item.Namespace};" : item.Alias.Length > 0 ? $"global using {item.Alias} = global::{item.Namespace};" : $"global using global::{item.Namespace};");
        }

        if (project != null)
        {
            usings.RemoveAll(u => project.UsingRemovals.Any(r => u == $"global using global::{r};"));
        }

        if (usings.Count == 0)
        {
            return null;
        }

        var folder = project?.Folder ?? looseFolder;
        var text = string.Join("\n", usings.Distinct(StringComparer.Ordinal)) + "\n";
        return CSharpSyntaxTree.ParseText(text, options, Path.Combine(folder, "obj", "GlobalUsings.g.cs"));
    }

    /// <summary>For files outside any project: implicit usings when a Directory.Build.props above switches them on.</summary>
    private static bool ImplicitUsingsAbove(string folder) =>
        MsBuildProject.Load(Path.Combine(folder, "(no project).csproj"), null).Property("ImplicitUsings").Trim().ToLowerInvariant() is "enable" or "true";

    private MetadataReference FileReference(string path)
    {
        lock (_files)
        {
            if (!_files.TryGetValue(path, out var reference))
            {
                reference = MetadataReference.CreateFromFile(path);
                _files[path] = reference;
            }

            return reference;
        }
    }

    private static string Or(string value, string fallback) => value.Trim().Length > 0 ? value.Trim() : fallback;

    private static SourceText ReadSource(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SourceText.From(stream, Encoding.UTF8, canBeEmbedded: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: the source file could not be read: {ex.Message}");
        }
    }
}
