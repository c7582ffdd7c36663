namespace ServicePolicy.Cli.Docs;

/// <summary>
/// The few building blocks a policy document needs. Text passed in is plain; a part between
/// backticks is shown in code font. Each writer escapes for its own format.
/// </summary>
public interface IDocumentWriter
{
    void Heading(int level, string text, string? anchor = null);

    void Paragraph(string text);

    /// <summary>Label: value pairs (principle, severity, ...).</summary>
    void Facts(IReadOnlyList<KeyValuePair<string, string>> facts);

    void Bullets(IEnumerable<string> items);

    /// <summary>A nested list (a condition tree).</summary>
    void Outline(IReadOnlyList<OutlineLine> lines);

    void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows);

    string Finish();
}

/// <summary>Splits text into plain and code parts on backticks (an odd number of backticks: all plain).</summary>
internal static class InlineText
{
    private const char LinkStart = '\u0001';
    private const char LinkMiddle = '\u0002';
    private const char LinkEnd = '\u0003';

    /// <summary>
    /// Text that each writer shows as a link to the heading with that anchor. Control characters mark it,
    /// so nothing a policy author writes (text is user input) can be taken for a link.
    /// </summary>
    public static string Link(string text, string anchor) => LinkStart + anchor + LinkMiddle + text + LinkEnd;

    /// <summary>Splits text into runs that are links (with their anchor) and runs that are not (anchor null).</summary>
    public static IEnumerable<(string Text, string? Anchor)> SplitLinks(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(LinkStart, position);
            var middle = start < 0 ? -1 : text.IndexOf(LinkMiddle, start);
            var end = middle < 0 ? -1 : text.IndexOf(LinkEnd, middle);
            if (end < 0)
            {
                yield return (Strip(text[position..]), null);
                yield break;
            }

            if (start > position)
            {
                yield return (text[position..start], null);
            }

            yield return (text[(middle + 1)..end], text[(start + 1)..middle]);
            position = end + 1;
        }
    }

    private static string Strip(string text) => text.Replace(LinkStart.ToString(), "", StringComparison.Ordinal).Replace(LinkMiddle.ToString(), "", StringComparison.Ordinal).Replace(LinkEnd.ToString(), "", StringComparison.Ordinal);

    public static IEnumerable<(string Text, bool IsCode)> Split(string text)
    {
        var parts = text.Split('`');
        if (parts.Length % 2 == 0)
        {
            yield return (text, false);
            yield break;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                yield return (parts[i], i % 2 == 1);
            }
        }
    }
}
