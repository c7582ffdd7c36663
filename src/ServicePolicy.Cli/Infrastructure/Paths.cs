namespace ServicePolicy.Cli.Infrastructure;

/// <summary>Path helpers: paths are shown relative to the current folder, with forward slashes, as editors link them.</summary>
public static class Paths
{
    public static string Display(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
            var shown = relative.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(path) ? full : relative;
            return shown.Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>A file URI relative to the current folder when possible, for SARIF artifact locations.</summary>
    public static string SarifUri(string path)
    {
        var shown = Display(path);
        return Path.IsPathRooted(shown) ? new Uri(shown).AbsoluteUri : string.Join("/", shown.Split('/').Select(Uri.EscapeDataString));
    }
}
