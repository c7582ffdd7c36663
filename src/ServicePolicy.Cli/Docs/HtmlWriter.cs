namespace ServicePolicy.Cli.Docs;

using System.Net;
using System.Text;

/// <summary>
/// Writes a policy document as one self-contained HTML page: inline CSS, no scripts, no external
/// resources, every piece of policy text HTML-encoded.
/// </summary>
public sealed class HtmlWriter : IDocumentWriter
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2328; }
        h1 { border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
        h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { margin-top: 2rem; }
        code { background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; font-size: 90%; }
        table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
        th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        @media print { body { max-width: none; } }
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlWriter(string title) => _title = title;

    public void Heading(int level, string text, string? anchor = null)
    {
        level = Math.Clamp(level, 1, 6);
        var id = anchor == null ? "" : $" id=\"{WebUtility.HtmlEncode(anchor)}\"";
        _body.Append($"<h{level}{id}>").Append(Inline(text)).AppendLine($"</h{level}>");
    }

    public void Paragraph(string text) => _body.Append("<p>").Append(Inline(text)).AppendLine("</p>");

    public void Facts(IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        _body.AppendLine("<dl class=\"facts\">");
        foreach (var fact in facts)
        {
            _body.Append("<dt>").Append(Inline(fact.Key)).Append("</dt><dd>").Append(Inline(fact.Value)).AppendLine("</dd>");
        }

        _body.AppendLine("</dl>");
    }

    public void Bullets(IEnumerable<string> items)
    {
        _body.AppendLine("<ul>");
        foreach (var item in items)
        {
            _body.Append("<li>").Append(Inline(item)).AppendLine("</li>");
        }

        _body.AppendLine("</ul>");
    }

    public void Outline(IReadOnlyList<OutlineLine> lines)
    {
        // Properly nested lists: a deeper line opens a <ul> inside the current <li>.
        _body.Append("<ul>");
        var depth = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            _body.Append("<li>").Append(Inline(lines[i].Text));
            var next = i + 1 < lines.Count ? Math.Min(Math.Max(lines[i + 1].Depth, 0), depth + 1) : 0;
            if (next > depth)
            {
                _body.Append("<ul>");
            }
            else
            {
                _body.Append("</li>");
                for (var level = depth; level > next; level--)
                {
                    _body.Append("</ul></li>");
                }
            }

            depth = next;
            _body.AppendLine();
        }

        _body.AppendLine("</ul>");
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.AppendLine("<table>");
        _body.Append("<thead><tr>").Append(string.Concat(headers.Select(h => "<th>" + Inline(h) + "</th>"))).AppendLine("</tr></thead>");
        _body.AppendLine("<tbody>");
        foreach (var row in rows)
        {
            _body.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + Inline(c) + "</td>"))).AppendLine("</tr>");
        }

        _body.AppendLine("</tbody>");
        _body.AppendLine("</table>");
    }

    public string Finish()
    {
        var page = new StringBuilder();
        page.AppendLine("<!DOCTYPE html>");
        page.AppendLine("<html lang=\"en\">");
        page.AppendLine("<head>");
        page.AppendLine("<meta charset=\"utf-8\">");
        page.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Append("<title>").Append(WebUtility.HtmlEncode(_title)).AppendLine("</title>");
        page.Append("<style>").Append(Style).AppendLine("</style>");
        page.AppendLine("</head>");
        page.AppendLine("<body>");
        page.Append(_body);
        page.AppendLine("</body>");
        page.AppendLine("</html>");
        return page.ToString();
    }

    private static string Inline(string text)
    {
        var result = new StringBuilder();
        foreach (var (run, anchor) in InlineText.SplitLinks(text))
        {
            result.Append(anchor == null ? Runs(run) : "<a href=\"#" + WebUtility.HtmlEncode(anchor) + "\">" + Runs(run) + "</a>");
        }

        return result.ToString();
    }

    private static string Runs(string text)
    {
        var result = new StringBuilder();
        foreach (var (part, isCode) in InlineText.Split(text))
        {
            var encoded = WebUtility.HtmlEncode(part);
            result.Append(isCode ? "<code>" + encoded + "</code>" : encoded);
        }

        return result.ToString();
    }
}
