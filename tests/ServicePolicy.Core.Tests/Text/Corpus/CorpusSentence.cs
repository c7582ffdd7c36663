namespace ServicePolicy.Core.Tests.Text.Corpus;

using System.Globalization;
using System.Text;
using ServicePolicy.Core.Tests.Support;

/// <summary>
/// One labelled sentence of the text corpus (tests/ServicePolicy.Core.Tests/Text/Corpus/{language}.tsv):
/// the rules it should trigger (claim, disrespectful; none for a sentence that must pass), what kind of
/// case it is (listed, inflected, evasion, near-miss, clash, clean) and the text.
/// </summary>
public sealed record CorpusSentence(string Language, int Line, IReadOnlyList<string> Expected, string Case, string Text)
{
    /// <summary>The rules the corpus labels: a sentence is scored on each of them.</summary>
    public static readonly IReadOnlyList<string> Rules = new[] { "claim", "disrespectful" };

    /// <summary>The languages the corpus covers, one file each.</summary>
    public static readonly IReadOnlyList<string> Languages = new[] { "en", "es", "it", "ru" };

    /// <summary>Every sentence of every language's file.</summary>
    public static IReadOnlyList<CorpusSentence> LoadAll() => Languages.SelectMany(Load).ToList();

    /// <summary>The sentences of one language's file.</summary>
    public static IReadOnlyList<CorpusSentence> Load(string language)
    {
        var path = Path.Combine(RepositoryFiles.Root, "tests", "ServicePolicy.Core.Tests", "Text", "Corpus", language + ".tsv");
        var sentences = new List<CorpusSentence>();
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw new FormatException($"{path}:{i + 1}: expected three tab-separated columns (expected, case, text), found {columns.Length}.");
            }

            var expected = columns[0] == "none" ? Array.Empty<string>() : columns[0].Split('+');
            foreach (var rule in expected)
            {
                if (!Rules.Contains(rule))
                {
                    throw new FormatException($"{path}:{i + 1}: unknown rule \"{rule}\" (claim, disrespectful or none).");
                }
            }

            sentences.Add(new CorpusSentence(language, i + 1, expected, columns[1], Unescape(columns[2])));
        }

        return sentences;
    }

    /// <summary>\uXXXX and \n stand for characters a TSV line cannot show or hold (invisible, line breaks).</summary>
    private static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == 'n')
            {
                builder.Append('\n');
                i++;
            }
            else if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u')
            {
                builder.Append((char)int.Parse(text.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
