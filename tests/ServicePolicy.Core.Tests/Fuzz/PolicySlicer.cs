namespace ServicePolicy.Core.Tests.Fuzz;

/// <summary>
/// Cuts a policy into smaller, still policy-shaped pieces: the apiVersion line, one top-level
/// section, and a run of that section's list items. Fuzzing pieces instead of whole files spends
/// the time budget on many more mutations of every part of a file, rather than on re-parsing the
/// same untouched 1,500 lines around each one.
/// </summary>
internal static class PolicySlicer
{
    public static string Slice(string text, Random random, int maxItems)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var sections = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && line[0] != ' ' && line[0] != '#' && line[0] != '-' && line.IndexOf(':') > 0 && !line.StartsWith("apiVersion", StringComparison.Ordinal))
            {
                sections.Add(i);
            }
        }

        if (sections.Count == 0)
        {
            return text;
        }

        var pick = random.Next(sections.Count);
        var start = sections[pick];
        var end = pick + 1 < sections.Count ? sections[pick + 1] : lines.Length;

        // The items of the section: lines that start a list item at the section's first item indentation.
        var items = new List<int>();
        var indentation = -1;
        for (var i = start + 1; i < end; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            var indent = lines[i].Length - trimmed.Length;
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && (indentation < 0 || indent == indentation))
            {
                indentation = indent;
                items.Add(i);
            }
        }

        var body = new List<string> { "apiVersion: servicepolicy/v1" };
        if (items.Count <= maxItems)
        {
            body.AddRange(lines.Skip(start).Take(end - start));
        }
        else
        {
            var first = random.Next(items.Count - maxItems + 1);
            var from = items[first];
            var to = first + maxItems < items.Count ? items[first + maxItems] : end;
            body.Add(lines[start]);
            var parent = ParentKeyLine(lines, start, from, indentation);
            if (parent > start)
            {
                body.Add(lines[parent]); // e.g. "  categories:" between "classification:" and its items
            }

            body.AddRange(lines.Skip(from).Take(to - from));
        }

        return string.Join("\n", body) + "\n";
    }

    private static int ParentKeyLine(string[] lines, int sectionStart, int itemLine, int itemIndentation)
    {
        for (var i = itemLine - 1; i > sectionStart; i--)
        {
            var trimmed = lines[i].TrimStart(' ');
            if (trimmed.Length > 0 && trimmed[0] != '#' && lines[i].Length - trimmed.Length < itemIndentation)
            {
                return i;
            }
        }

        return sectionStart;
    }
}
