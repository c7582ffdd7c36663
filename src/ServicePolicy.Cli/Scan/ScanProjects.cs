namespace ServicePolicy.Cli.Scan;

using System.Text.RegularExpressions;
using System.Xml.Linq;

/// <summary>
/// The projects a scan without a build compiles, each with its own source files, in an order where
/// a project comes after the projects it references. A project file scans that project and the
/// projects it references; a solution scans its C# projects; a folder scans every project under it.
/// Projects they reference from elsewhere are compiled too, so that the code using them binds, but
/// not analysed: a scan reports on what it was pointed at. C# files under a folder target that
/// belong to no project are compiled together on their own.
/// </summary>
public sealed class ScanProjects
{
    private static readonly Regex SolutionProject = new(@"^Project\(""[^""]*""\)\s*=\s*""[^""]*""\s*,\s*""([^""]+\.csproj)""", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A project to compile; <paramref name="Analyzed"/> is false for one only referenced from outside the scan.</summary>
    public sealed record Project(MsBuildProject Definition, IReadOnlyList<string> SourceFiles, bool Analyzed);

    public List<Project> Projects { get; } = new();

    /// <summary>C# files under a folder target that no project owns.</summary>
    public List<string> LooseFiles { get; } = new();

    public static ScanProjects Discover(ScanTarget target)
    {
        var projectPaths = ProjectPaths(target);
        var scanned = new HashSet<string>(projectPaths, StringComparer.Ordinal);
        var definitions = new Dictionary<string, MsBuildProject>(StringComparer.Ordinal);
        var pending = new Queue<string>(projectPaths);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (definitions.ContainsKey(path) || !File.Exists(path))
            {
                continue;
            }

            var definition = MsBuildProject.Load(path, null);
            definitions[path] = definition;
            foreach (var reference in definition.ProjectReferences.Where(r => r.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)))
            {
                // Referenced projects are compiled too: the code that references them binds only then.
                pending.Enqueue(reference);
            }
        }

        var projectFolders = new HashSet<string>(definitions.Values.Select(d => d.Folder), StringComparer.Ordinal);
        if (target.IsFolder)
        {
            projectFolders.UnionWith(SourceTree.FilesUnder(target.Folder, "*.csproj").Select(p => Path.GetDirectoryName(p)!));
        }

        var result = new ScanProjects();
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in Ordered(definitions))
        {
            // A project's sources are the C# files under its folder, except those of a nested project.
            var files = SourceTree.FilesUnder(definition.Folder, "*.cs", sub => projectFolders.Contains(sub));
            owned.UnionWith(files);
            result.Projects.Add(new Project(definition, files, scanned.Contains(definition.Path)));
        }

        if (target.IsFolder)
        {
            result.LooseFiles.AddRange(SourceTree.FilesUnder(target.Folder, "*.cs").Where(f => !owned.Contains(f)));
        }

        return result;
    }

    private static List<string> ProjectPaths(ScanTarget target)
    {
        if (target.IsFolder)
        {
            return SourceTree.FilesUnder(target.Folder, "*.csproj");
        }

        var full = Path.GetFullPath(target.Path);
        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension == ".csproj")
        {
            return new List<string> { full };
        }

        var folder = Path.GetDirectoryName(full)!;
        var text = File.ReadAllText(full);
        var relative = extension == ".slnx"
            ? XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path") ?? "").Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            : SolutionProject.Matches(text).Select(m => m.Groups[1].Value);
        var paths = relative.Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', '/')))).ToList();
        // A solution filter or a solution listing no C# project: every project under its folder.
        return paths.Count > 0 ? paths : SourceTree.FilesUnder(folder, "*.csproj");
    }

    /// <summary>Referenced projects first; a reference cycle (which a build refuses) is broken where it is met.</summary>
    private static IEnumerable<MsBuildProject> Ordered(Dictionary<string, MsBuildProject> definitions)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<MsBuildProject>();
        void Visit(MsBuildProject project)
        {
            if (done.Contains(project.Path) || !visiting.Add(project.Path))
            {
                return;
            }

            foreach (var reference in project.ProjectReferences)
            {
                if (definitions.TryGetValue(reference, out var referenced))
                {
                    Visit(referenced);
                }
            }

            visiting.Remove(project.Path);
            done.Add(project.Path);
            order.Add(project);
        }

        foreach (var project in definitions.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            Visit(project);
        }

        return order;
    }
}
