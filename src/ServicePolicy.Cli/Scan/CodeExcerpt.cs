namespace ServicePolicy.Cli.Scan;

/// <summary>The source line of a finding with a caret under its column, read once per file.</summary>
public sealed class CodeExcerpt
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public IReadOnlyList<string> For(Finding finding)
    {
        if (finding.Line <= 0)
        {
            return Array.Empty<string>();
        }

        if (!_files.TryGetValue(finding.File, out var lines))
        {
            lines = TryRead(finding.File);
            _files[finding.File] = lines;
        }

        if (lines == null || finding.Line > lines.Length)
        {
            return Array.Empty<string>();
        }

        var text = lines[finding.Line - 1].TrimEnd('\r').Replace('\t', ' ');
        var number = finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var column = Math.Clamp(finding.Column, 1, text.Length + 1);
        var width = finding.EndLine == finding.Line && finding.EndColumn > finding.Column ? finding.EndColumn - finding.Column : 1;
        width = Math.Clamp(width, 1, Math.Max(1, text.Length - column + 1));
        return new[]
        {
            $"{number} | {text}",
            $"{gutter} | {new string(' ', column - 1)}{new string('^', width)}",
        };
    }

    private static string[]? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
