namespace ServicePolicy.Analyzers.Tests.Harness;

using System.Text;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Expected diagnostics written into the test source: <c>{|SP2001:customer.Gender|}</c> expects
/// SP2001 on exactly that text, <c>[|customer.Gender|]</c> expects the test's default id there.
/// Markers nest. The markers are removed before compiling.
/// </summary>
public static class Markup
{
    public static (string Text, IReadOnlyList<(string? Id, TextSpan Span)> Spans) Parse(string markup, bool allowSquareBrackets = true)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<(string?, TextSpan)>();
        var open = new Stack<(string? Id, int Start, char Closer)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                var id = colon < 0 ? "" : markup.Substring(i + 2, colon - i - 2);
                if (colon < 0 || id.Length == 0 || id.Any(c => !char.IsLetterOrDigit(c)))
                {
                    throw new FormatException($"Markup `{{|` at offset {i} must be followed by an id and a colon, as in {{|SP2001:text|}}.");
                }

                open.Push((id, text.Length, '}'));
                i = colon + 1;
                continue;
            }

            if (allowSquareBrackets && Starts(markup, i, "[|"))
            {
                open.Push((null, text.Length, ']'));
                i += 2;
                continue;
            }

            if (open.Count > 0 && (Starts(markup, i, "|}") || (allowSquareBrackets && Starts(markup, i, "|]"))))
            {
                var closer = markup[i + 1];
                var (id, start, expected) = open.Pop();
                if (closer != expected)
                {
                    throw new FormatException($"Markup at offset {i}: `|{closer}` closes a marker opened with `{(expected == '}' ? "{|" : "[|")}`.");
                }

                spans.Add((id, TextSpan.FromBounds(start, text.Length)));
                i += 2;
                continue;
            }

            text.Append(markup[i]);
            i++;
        }

        if (open.Count > 0)
        {
            throw new FormatException($"{open.Count} markup marker(s) are not closed.");
        }

        return (text.ToString(), spans.OrderBy(s => s.Item2.Start).ToList());
    }

    private static bool Starts(string text, int index, string token) =>
        index + token.Length <= text.Length && string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
