namespace ServicePolicy.Cli.Scan;

using System.Text.RegularExpressions;
using System.Xml.Linq;

/// <summary>
/// What a scan without a build needs from a C# project file, read without MSBuild: the SDK, the
/// properties that shape the compilation, and the using, framework, package and project items.
/// The Directory.Build.props files above the project are read first (outermost first) and
/// Directory.Packages.props gives central package versions. Only simple conditions
/// (<c>'$(A)' == 'b'</c>, <c>!=</c>, joined by <c>and</c>/<c>or</c>) are evaluated; an element whose
/// condition cannot be read is skipped, and the project's binding-quality line shows what that cost.
/// </summary>
public sealed class MsBuildProject
{
    private static readonly Regex PropertyReference = new(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Comparison = new(@"^\s*'([^']*)'\s*(==|!=)\s*'([^']*)'\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase)
    {
        // A scan reads the code a default `dotnet build` compiles.
        ["Configuration"] = "Debug",
        ["DefineConstants"] = "",
    };

    private MsBuildProject(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Folder = System.IO.Path.GetDirectoryName(Path)!;
        Name = System.IO.Path.GetFileNameWithoutExtension(Path);
        _properties["MSBuildProjectName"] = Name;
        _properties["MSBuildProjectDirectory"] = Folder;
        _properties["MSBuildThisFileDirectory"] = Folder + System.IO.Path.DirectorySeparatorChar;
    }

    public string Path { get; }

    public string Folder { get; }

    public string Name { get; }

    /// <summary>Microsoft.NET.Sdk, Microsoft.NET.Sdk.Web, ...</summary>
    public string Sdk { get; private set; } = "";

    public List<UsingItem> Usings { get; } = new();

    /// <summary>Namespaces of <c>&lt;Using Remove="..." /&gt;</c> items: they also take away the SDK's implicit ones.</summary>
    public List<string> UsingRemovals { get; } = new();

    public List<string> FrameworkReferences { get; } = new();

    /// <summary>Package id → version as written (central version applied), or "" when none is known.</summary>
    public Dictionary<string, string> PackageReferences { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Full paths of referenced projects.</summary>
    public List<string> ProjectReferences { get; } = new();

    public string Property(string name) => _properties.TryGetValue(name, out var value) ? value : "";

    /// <summary>The target framework a scan compiles for: TargetFramework, else the first of TargetFrameworks.</summary>
    public string TargetFramework
    {
        get
        {
            var single = Property("TargetFramework").Trim();
            if (single.Length > 0)
            {
                return single;
            }

            return Property("TargetFrameworks").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        }
    }

    public static MsBuildProject Load(string projectPath, string? stopFolder)
    {
        var project = new MsBuildProject(projectPath);
        var centralVersions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var props in FilesAbove(project.Folder, "Directory.Build.props", stopFolder).Reverse())
        {
            project.Read(props, centralVersions);
        }

        foreach (var packagesProps in FilesAbove(project.Folder, "Directory.Packages.props", stopFolder).Take(1))
        {
            project.Read(packagesProps, centralVersions);
        }

        project.Read(project.Path, centralVersions);
        foreach (var id in project.PackageReferences.Keys.ToList())
        {
            if (project.PackageReferences[id].Length == 0 && centralVersions.TryGetValue(id, out var central))
            {
                project.PackageReferences[id] = central;
            }
        }

        return project;
    }

    private void Read(string file, Dictionary<string, string> centralVersions)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            // A project file that cannot be read compiles with defaults; the binding line says how well.
            return;
        }

        var root = document.Root;
        if (root == null)
        {
            return;
        }

        _properties["MSBuildThisFileDirectory"] = System.IO.Path.GetDirectoryName(file)! + System.IO.Path.DirectorySeparatorChar;
        var sdk = (string?)root.Attribute("Sdk") ?? root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")).FirstOrDefault(n => n != null);
        if (!string.IsNullOrEmpty(sdk) && file == Path)
        {
            Sdk = sdk.Split('/')[0].Trim();
        }

        foreach (var group in root.Elements())
        {
            if (!Holds(group))
            {
                continue;
            }

            if (group.Name.LocalName == "PropertyGroup")
            {
                foreach (var property in group.Elements().Where(Holds))
                {
                    _properties[property.Name.LocalName] = Expand(property.Value.Trim());
                }
            }
            else if (group.Name.LocalName == "ItemGroup")
            {
                foreach (var item in group.Elements().Where(Holds))
                {
                    ReadItem(item, file, centralVersions);
                }
            }
        }
    }

    private void ReadItem(XElement item, string file, Dictionary<string, string> centralVersions)
    {
        var include = Expand((string?)item.Attribute("Include") ?? "");
        var remove = Expand((string?)item.Attribute("Remove") ?? "");
        var update = Expand((string?)item.Attribute("Update") ?? "");
        string Metadata(string name) => Expand(((string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "").Trim());
        switch (item.Name.LocalName)
        {
            case "Using":
                if (remove.Length > 0)
                {
                    Usings.RemoveAll(u => u.Namespace == remove);
                    UsingRemovals.Add(remove);
                }
                else if (include.Length > 0)
                {
                    Usings.Add(new UsingItem(include, Metadata("Alias"), string.Equals(Metadata("Static"), "true", StringComparison.OrdinalIgnoreCase)));
                }

                break;
            case "FrameworkReference" when include.Length > 0:
                FrameworkReferences.Add(include);
                break;
            case "PackageReference" when include.Length > 0 || update.Length > 0:
                var id = include.Length > 0 ? include : update;
                var version = Metadata("VersionOverride");
                version = version.Length > 0 ? version : Metadata("Version");
                if (include.Length > 0 || PackageReferences.ContainsKey(id))
                {
                    PackageReferences[id] = version.Length > 0 ? version : PackageReferences.GetValueOrDefault(id, "");
                }

                break;
            case "PackageVersion" when include.Length > 0:
                centralVersions[include] = Metadata("Version");
                break;
            // An analyzer or build-order reference is not compiled against.
            case "ProjectReference" when include.Length > 0 && !string.Equals(Metadata("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase)
                                                       && !string.Equals(Metadata("OutputItemType"), "Analyzer", StringComparison.OrdinalIgnoreCase):
                var baseFolder = System.IO.Path.GetDirectoryName(file)!;
                ProjectReferences.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(baseFolder, include.Replace('\\', '/'))));
                break;
        }
    }

    /// <summary>Whether an element's condition holds; a condition the scan cannot evaluate does not.</summary>
    private bool Holds(XElement element)
    {
        var condition = (string?)element.Attribute("Condition");
        return condition == null || Evaluate(condition) == true;
    }

    private bool? Evaluate(string condition)
    {
        var expanded = Expand(condition);
        var orParts = Regex.Split(expanded, @"\s+or\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var any = false;
        foreach (var orPart in orParts)
        {
            var all = true;
            foreach (var andPart in Regex.Split(orPart, @"\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                var match = Comparison.Match(andPart.Trim().Trim('(', ')'));
                if (!match.Success)
                {
                    return null;
                }

                var equal = string.Equals(match.Groups[1].Value.Trim(), match.Groups[3].Value.Trim(), StringComparison.OrdinalIgnoreCase);
                all &= match.Groups[2].Value == "==" ? equal : !equal;
            }

            any |= all;
        }

        return any;
    }

    private string Expand(string text) =>
        text.Contains("$(", StringComparison.Ordinal) ? PropertyReference.Replace(text, m => Property(m.Groups[1].Value)) : text;

    /// <summary>A .git folder, or the .git file of a worktree or submodule.</summary>
    private static bool IsRepositoryRoot(string folder)
    {
        var git = System.IO.Path.Combine(folder, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }

    /// <summary>The named file in the folder and each parent, nearest first, up to the repository root or the stop folder.</summary>
    private static IEnumerable<string> FilesAbove(string folder, string fileName, string? stopFolder)
    {
        var current = new DirectoryInfo(folder);
        while (current != null)
        {
            var candidate = System.IO.Path.Combine(current.FullName, fileName);
            if (File.Exists(candidate))
            {
                yield return candidate;
            }

            if (IsRepositoryRoot(current.FullName) || (stopFolder != null && string.Equals(current.FullName.TrimEnd('/'), stopFolder.TrimEnd('/'), StringComparison.Ordinal)))
            {
                yield break;
            }

            current = current.Parent;
        }
    }
}

/// <summary>A <c>&lt;Using Include="..." /&gt;</c> item: a global using, maybe aliased or static.</summary>
public sealed record UsingItem(string Namespace, string Alias, bool Static);
