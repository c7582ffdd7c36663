namespace ServicePolicy.Cli.Infrastructure;

/// <summary>
/// Symbolic links met in a folder walk. Walks do not follow linked folders: two links to a parent
/// made a walk endless, and one link checked the same files again and again. A linked file is
/// checked under its real path, once.
/// </summary>
public static class FileLinks
{
    /// <summary>Whether the path is a symbolic link (or another reparse point, such as a junction).</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return true; // what cannot be inspected is not walked into
        }
    }

    /// <summary>The full path of the file a link finally points to, or the file's own full path.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return full;
        }
    }
}
