namespace ServicePolicy.Core.Yaml;

/// <summary>
/// Turns the YAML parser's technical messages into sentences a policy author can act on. The
/// original wording is kept at the end of the message for whoever needs it.
/// </summary>
internal static class YamlSyntaxMessages
{
    /// <summary>A plain message and a hint for a parser message; <paramref name="offending"/> is the character at the error, if known.</summary>
    public static (string Message, string Hint) Explain(string parserMessage, char? offending)
    {
        var original = Clean(parserMessage);
        var quoted = original.TrimEnd('.');
        string Has(string part) => original.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0 ? part : "";

        if (offending == '\t' || Has("tab").Length > 0)
        {
            return ("A tab is used for indentation here; YAML allows only spaces.", "Replace the tab with spaces (two per level is usual).");
        }

        if (Has("unknown escape character").Length > 0)
        {
            return ("A value in double quotes contains a backslash that does not start a known escape (" + quoted + ").", "In double quotes write each backslash twice (`\"\\\\d+\"`), or use single quotes for regular expressions (`'\\d+'`).");
        }

        if (Has("found unexpected end of stream").Length > 0 && Has("quoted").Length > 0)
        {
            return ("A quoted value is never closed: its closing quote is missing.", "Add the closing quote at the end of the value.");
        }

        if (Has("found unexpected end of stream").Length > 0)
        {
            return ("The file ends in the middle of a value (" + quoted + ").", "Close every `[`, `{` and quote that is opened.");
        }

        if (Has("invalid mapping").Length > 0 || Has("mapping values are not allowed").Length > 0)
        {
            return ("A `: ` appears inside a value, where YAML reads it as the start of a new key.", "Put the whole value in quotes, for example `message: \"Note: we will call you\"`.");
        }

        if (Has("did not find expected key").Length > 0)
        {
            return ("This line is not indented like the lines around it, or a value above it is not closed.", "Keys of the same map must start in the same column.");
        }

        if (Has("did not find expected '-' indicator").Length > 0)
        {
            return ("A list item is not indented like the items before it.", "Start every item of a list with `- ` in the same column.");
        }

        if (Has("did not find expected ',' or ']'").Length > 0)
        {
            return ("A list written in brackets `[ ]` is not closed, or two of its items are not separated by a comma.", "Close the list with `]` and separate its items with `, `.");
        }

        if (Has("did not find expected ',' or '}'").Length > 0)
        {
            return ("A map written in braces `{ }` is not closed, or two of its entries are not separated by a comma.", "Close the map with `}` and separate its entries with `, `.");
        }

        if (Has("did not find expected node content").Length > 0)
        {
            return ("A value is missing here.", "Write the value, or remove the line.");
        }

        if (Has("cannot start any token").Length > 0)
        {
            var what = offending.HasValue ? $"`{offending}`" : "this character";
            return ($"A value cannot start with {what} unless it is quoted.", "Put the value in quotes.");
        }

        if (Has("anchor").Length > 0 || Has("alias").Length > 0)
        {
            return ("An anchor (`&name`) or alias (`*name`) is not written correctly (" + quoted + ").", "Anchors are rarely needed in a policy; write the value out instead.");
        }

        if (Has("incompatible YAML document").Length > 0 || Has("directive").Length > 0)
        {
            return ("The `%YAML` or `%TAG` line at the top is not supported.", "Remove the line starting with `%`.");
        }

        return ("The file is not valid YAML: " + original, "Check the indentation and the quotes around this place.");
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is reported separately.</summary>
    private static string Clean(string message)
    {
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = index >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
        text = text.Trim();
        return text.Length == 0 ? "the parser could not read it." : char.ToLowerInvariant(text[0]) + text.Substring(1).TrimEnd('.') + ".";
    }
}
