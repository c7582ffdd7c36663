namespace ServicePolicy.Cli.Infrastructure;

using ServicePolicy.Core.Loading;

/// <summary>The YAML files named on the command line, folders expanded.</summary>
public sealed class PolicyFileSet
{
    public List<string> Policies { get; } = new();

    /// <summary><c>*.tests.yaml</c> files, kept apart: they hold test cases, not policies.</summary>
    public List<string> TestFiles { get; } = new();

    public int Count => Policies.Count + TestFiles.Count;

    /// <summary>The folders named on the command line (full paths): roots that includes may read from.</summary>
    public List<string> Folders { get; } = new();

    /// <summary>The real paths already in the set, so that a file named twice (or through a link) is checked once.</summary>
    internal HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Expands file and folder arguments into policy files. Folders are searched recursively for
/// <c>*.yaml</c> / <c>*.yml</c>, skipping the JSON-schema folder, build output and hidden folders.
/// Linked folders inside a folder are not followed (see <see cref="FileLinks"/>), and each file
/// is listed once, whatever the number of names it is reached by.
/// </summary>
public static class PolicyFileFinder
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "schema", "bin", "obj", "node_modules" };

    /// <summary>Throws <see cref="CliInputException"/> for a path that does not exist or a folder without policies.</summary>
    public static PolicyFileSet Find(IEnumerable<string> paths)
    {
        var set = new PolicyFileSet();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(set, path);
            }
            else if (Directory.Exists(path))
            {
                set.Folders.Add(Path.GetFullPath(path));
                var before = set.Count;
                foreach (var file in EnumerateYaml(path))
                {
                    Add(set, file);
                }

                if (set.Count == before)
                {
                    problems.Add($"{Paths.Display(path)}: error no-policies: the folder holds no policy files (*.yaml or *.yml; the `schema` folder, bin, obj and hidden folders are skipped). Pass a policy file or a folder that contains one.");
                }
            }
            else
            {
                problems.Add($"{Paths.Display(path)}: error file-unreadable: no such file or folder.");
            }
        }

        if (problems.Count > 0)
        {
            throw new CliInputException(problems);
        }

        return set;
    }

    private static void Add(PolicyFileSet set, string path)
    {
        if (set.Seen.Add(FileLinks.RealPath(path)))
        {
            var list = PolicyTestFileLoader.IsTestFile(path) ? set.TestFiles : set.Policies;
            list.Add(path);
        }
    }

    private static IEnumerable<string> EnumerateYaml(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files;
            string[] folders;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"{Paths.Display(current)}: error file-unreadable: the folder could not be read: {ex.Message}");
            }

            found.AddRange(files.Where(IsYaml));
            foreach (var sub in folders)
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && !SkippedFolders.Contains(name) && !FileLinks.IsLink(sub))
                {
                    pending.Push(sub);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
