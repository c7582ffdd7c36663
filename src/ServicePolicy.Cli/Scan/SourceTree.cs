namespace ServicePolicy.Cli.Scan;

using ServicePolicy.Cli.Infrastructure;

/// <summary>Walks a folder for files, skipping build output, dependencies, hidden folders and linked folders (a link to a parent would make the walk endless).</summary>
public static class SourceTree
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "packages" };

    /// <summary>Files matching the pattern under the folder, sorted; folders for which <paramref name="stopAt"/> holds are not entered.</summary>
    public static List<string> FilesUnder(string folder, string pattern, Func<string, bool>? stopAt = null)
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
                    if (!name.StartsWith('.') && !SkippedFolders.Contains(name) && !FileLinks.IsLink(sub) && (stopAt == null || !stopAt(sub)))
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
