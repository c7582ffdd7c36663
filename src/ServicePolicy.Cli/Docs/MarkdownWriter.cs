namespace ServicePolicy.Cli.Docs;

using System.Net;
using System.Text;

/// <summary>Writes a policy document as GitHub-flavoured Markdown. Raw HTML in policy text is escaped.</summary>
public sealed class MarkdownWriter : IDocumentWriter
{
    private readonly StringBuilder _text = new();

    public void Heading(int level, string text, string? anchor = null)
    {
        if (anchor != null)
        {
            // GitHub makes its own ids from heading text; this one is what the document's links point at.
            _text.Append("<a id=\"").Append(WebUtility.HtmlEncode(anchor)).AppendLine("\"></a>");
        }

        _text.Append('#', Math.Clamp(level, 1, 6)).Append(' ').AppendLine(Inline(text));
        _text.AppendLine();
    }

    public void Paragraph(string text)
    {
        _text.AppendLine(Inline(text));
        _text.AppendLine();
    }

    public void Facts(IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        foreach (var fact in facts)
        {
            _text.Append("- **").Append(Inline(fact.Key)).Append(":** ").AppendLine(Inline(fact.Value));
        }

        _text.AppendLine();
    }

    public void Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            _text.Append("- ").AppendLine(Inline(item));
        }

        _text.AppendLine();
    }

    public void Outline(IReadOnlyList<OutlineLine> lines)
    {
        foreach (var line in lines)
        {
            _text.Append(' ', line.Depth * 2).Append("- ").AppendLine(Inline(line.Text));
        }

        _text.AppendLine();
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.Append("| ").Append(string.Join(" | ", headers.Select(Cell))).AppendLine(" |");
        _text.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).AppendLine();
        foreach (var row in rows)
        {
            _text.Append("| ").Append(string.Join(" | ", row.Select(Cell))).AppendLine(" |");
        }

        _text.AppendLine();
    }

    public string Finish() => _text.ToString().TrimEnd() + "\n";

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Inline(string text)
    {
        var result = new StringBuilder();
        foreach (var (run, anchor) in InlineText.SplitLinks(text))
        {
            result.Append(anchor == null ? Runs(run) : "[" + Runs(run) + "](#" + anchor + ")");
        }

        return result.ToString();
    }

    private static string Runs(string text)
    {
        var result = new StringBuilder();
        foreach (var (part, isCode) in InlineText.Split(text))
        {
            if (isCode)
            {
                result.Append('`').Append(part).Append('`');
            }
            else
            {
                result.Append(part.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal));
            }
        }

        return result.ToString();
    }
}
