namespace ServicePolicy.Core.Tests.Fuzz;

using System.Text;

/// <summary>
/// Breaks policy text the way editors, merges and attackers do: flipped characters, lost or
/// doubled lines, shifted indentation, swapped tokens, truncation, anchors and aliases, and
/// unusual Unicode. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class PolicyMutator
{
    private const string YamlSignificant = ":-[]{}\"'&*!|>#%@`,?\\ \t\n";

    private static readonly string[] OddText =
    {
        "\u202E", "\u200B", "\uFEFF", "\u0301", "\uFFFE", "\uD83D\uDE00", "\uD800", "\uDC00", "\u0000", "\u001B",
        "\u2028", "\u0085", "ß", "İ", "Ω", "ж", "é", "\r", "\r\n", "~", "null", "!!binary", "!custom", "<<: *a1", "? ",
        "999999999999999999999999", "-1", "1e400", "NaN", ".inf", "0x1F", "2026-13-45T99:99:99Z", "{{", "}}", "{amount}",
        "(a+)+", "[", "]", "((((", "&a1 ", "*a1", "*a2", "&a2 [1, 2, 3]", "---", "...", "%YAML 1.2", "%TAG ! tag:x:",
    };

    public static string Mutate(string text, Random random)
    {
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            text = random.Next(11) switch
            {
                0 => FlipCharacter(text, random),
                1 => DeleteLine(text, random),
                2 => DuplicateLine(text, random),
                3 => ChangeIndentation(text, random),
                4 => SwapTokens(text, random),
                5 => Truncate(text, random),
                6 => InsertAnchorsAndAliases(text, random),
                7 => InsertOddText(text, random),
                8 => SwapLines(text, random),
                9 => ReplaceValue(text, random),
                _ => FlipCharacter(FlipCharacter(text, random), random),
            };
        }

        return text;
    }

    private static string FlipCharacter(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var position = random.Next(text.Length);
        var replacement = random.Next(3) == 0 ? (char)random.Next(1, 0x2FF) : YamlSignificant[random.Next(YamlSignificant.Length)];
        return text.Substring(0, position) + replacement + text.Substring(position + 1);
    }

    private static string DeleteLine(string text, Random random)
    {
        var lines = Lines(text);
        if (lines.Count > 1)
        {
            lines.RemoveAt(random.Next(lines.Count));
        }

        return Join(lines);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = Lines(text);
        var index = random.Next(lines.Count);
        var copies = random.Next(4) == 0 ? 1 + random.Next(50) : 1;
        lines.InsertRange(index, Enumerable.Repeat(lines[index], copies));
        return Join(lines);
    }

    private static string ChangeIndentation(string text, Random random)
    {
        var lines = Lines(text);
        var index = random.Next(lines.Count);
        var line = lines[index];
        lines[index] = random.Next(4) switch
        {
            0 => new string(' ', 1 + random.Next(3)) + line,
            1 => line.TrimStart(' '),
            2 => "\t" + line,
            _ => line.Length > 0 && line[0] == ' ' ? line.Substring(1) : " " + line,
        };
        return Join(lines);
    }

    private static string SwapTokens(string text, Random random)
    {
        var tokens = text.Split(' ');
        if (tokens.Length < 2)
        {
            return text;
        }

        var a = random.Next(tokens.Length);
        var b = random.Next(tokens.Length);
        (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
        return string.Join(" ", tokens);
    }

    private static string SwapLines(string text, Random random)
    {
        var lines = Lines(text);
        var a = random.Next(lines.Count);
        var b = random.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return Join(lines);
    }

    private static string Truncate(string text, Random random) => text.Length == 0 ? text : text.Substring(0, random.Next(text.Length));

    /// <summary>Anchors on values, aliases elsewhere, and now and then an alias fan-out that doubles at each level.</summary>
    private static string InsertAnchorsAndAliases(string text, Random random)
    {
        var lines = Lines(text);
        var index = random.Next(lines.Count);
        var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            lines[index] = lines[index].Substring(0, colon + 2) + "&a1 " + lines[index].Substring(colon + 2);
        }

        var target = random.Next(lines.Count);
        var targetColon = lines[target].IndexOf(": ", StringComparison.Ordinal);
        if (targetColon > 0)
        {
            lines[target] = lines[target].Substring(0, targetColon + 2) + (random.Next(2) == 0 ? "*a1" : "*missing");
        }

        if (random.Next(5) == 0)
        {
            var bomb = new StringBuilder("x0: &b0 [a, b]\n");
            for (var level = 1; level < 30; level++)
            {
                bomb.Append("x").Append(level).Append(": &b").Append(level).Append(" [*b").Append(level - 1).Append(", *b").Append(level - 1).Append("]\n");
            }

            lines.Insert(Math.Min(lines.Count, 1 + random.Next(Math.Max(1, lines.Count - 1))), bomb.ToString().TrimEnd('\n'));
        }

        return Join(lines);
    }

    private static string InsertOddText(string text, Random random)
    {
        var position = random.Next(text.Length + 1);
        var odd = OddText[random.Next(OddText.Length)];
        if (random.Next(3) == 0)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < 1 + random.Next(8); i++)
            {
                var code = random.Next(0x20, 0x10FFFF);
                if (code is >= 0xD800 and <= 0xDFFF)
                {
                    builder.Append((char)code); // a lone surrogate: invalid UTF-16 that text still can hold
                }
                else
                {
                    builder.Append(char.ConvertFromUtf32(code));
                }
            }

            odd = builder.ToString();
        }

        return text.Substring(0, position) + odd + text.Substring(position);
    }

    /// <summary>Replaces the value after a `key: ` with something of the wrong kind.</summary>
    private static string ReplaceValue(string text, Random random)
    {
        var lines = Lines(text);
        var index = random.Next(lines.Count);
        var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return text;
        }

        string[] values = { "[]", "{}", "~", "\"\"", "-5", "P0", "yes", "[a, [b, [c]]]", "{field: x, op: eq}", "9999999999", "1h30x", "'(x+x+)+y'", "\"{nope}\"", "deny", "data.share" };
        lines[index] = lines[index].Substring(0, colon + 2) + values[random.Next(values.Length)];
        return Join(lines);
    }

    private static List<string> Lines(string text) => text.Split('\n').ToList();

    private static string Join(List<string> lines) => string.Join("\n", lines);
}
