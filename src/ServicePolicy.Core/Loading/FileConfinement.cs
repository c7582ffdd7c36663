namespace ServicePolicy.Core.Loading;

/// <summary>
/// Where a policy may read the files it names (<c>include:</c>, a tests file's <c>policy:</c>):
/// the folder of the file being loaded and everything below it, plus the extra roots the caller
/// opts in to (<see cref="PolicyLoadOptions.IncludeRoots"/>). Paths are compared after `..` is
/// folded away, so `../../etc/passwd` and `/etc/passwd` are refused alike; on disk, a folder or
/// file below a root that is a symbolic link is refused too, since it could lead anywhere.
/// </summary>
internal sealed class FileConfinement
{
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly List<string> _roots = new();

    public FileConfinement(string ownFolder, IEnumerable<string>? extraRoots)
    {
        AddRoot(ownFolder);
        foreach (var root in extraRoots ?? Enumerable.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(root))
            {
                AddRoot(root);
            }
        }
    }

    /// <summary>The root folder that holds <paramref name="fullPath"/>, or null when it lies outside every root.</summary>
    public string? RootOf(string fullPath)
    {
        foreach (var root in _roots)
        {
            if (fullPath.StartsWith(root, PathComparison))
            {
                return root;
            }
        }

        return null;
    }

    /// <summary>The first folder or file on the way from <paramref name="root"/> down to <paramref name="fullPath"/> that is a symbolic link, or null.</summary>
    public static string? FirstLinkBelow(string root, string fullPath)
    {
        var relative = fullPath.Substring(root.Length);
        var current = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        foreach (var part in relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            try
            {
                if (!File.Exists(current) && !Directory.Exists(current))
                {
                    return null; // missing: reported as not found
                }

                if ((File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0)
                {
                    return current;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>How the allowed folders are named in an error.</summary>
    public string Describe() => _roots.Count == 1
        ? "the policy's own folder"
        : "the policy's own folder and the extra roots it was loaded with";

    private void AddRoot(string folder)
    {
        string full;
        try
        {
            full = Path.GetFullPath(folder);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return;
        }

        if (full.Length > 0 && full[full.Length - 1] != Path.DirectorySeparatorChar)
        {
            full += Path.DirectorySeparatorChar;
        }

        _roots.Add(full);
    }
}
