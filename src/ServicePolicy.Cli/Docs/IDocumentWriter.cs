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
