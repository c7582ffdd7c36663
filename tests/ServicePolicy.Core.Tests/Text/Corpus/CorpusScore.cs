namespace ServicePolicy.Core.Tests.Text.Corpus;

using System.Globalization;
using System.Text;

/// <summary>
/// Recall and false-positive rate of a text checker on the corpus, per language and per rule. Recall is
/// the share of sentences labelled with a rule that the checker flags with it; the false-positive rate
/// is the share of sentences not labelled with a rule that it flags with it anyway.
/// </summary>
public sealed class CorpusScore
{
    private readonly Dictionary<(string Language, string Rule), Counts> _counts = new();
    private readonly List<string> _errors = new();

    /// <summary>Scores <paramref name="check"/>, which returns the rules it finds in a sentence of a language.</summary>
    public static CorpusScore Of(IEnumerable<CorpusSentence> sentences, Func<string, string, IReadOnlyCollection<string>> check)
    {
        var score = new CorpusScore();
        foreach (var sentence in sentences)
        {
            var found = check(sentence.Text, sentence.Language);
            foreach (var rule in CorpusSentence.Rules)
            {
                var expected = sentence.Expected.Contains(rule);
                var flagged = found.Contains(rule);
                var counts = score.CountsOf(sentence.Language, rule);
                if (expected)
                {
                    counts.Positives++;
                    counts.Found += flagged ? 1 : 0;
                }
                else
                {
                    counts.Negatives++;
                    counts.FalsePositives += flagged ? 1 : 0;
                }

                if (expected != flagged)
                {
                    score._errors.Add($"{sentence.Language}.tsv:{sentence.Line} {(expected ? "missed" : "false positive")} {rule} ({sentence.Case}): {sentence.Text}");
                }
            }
        }

        return score;
    }

    /// <summary>Every sentence scored wrongly, with its file and line.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public double Recall(string? language = null, string? rule = null)
    {
        var (positives, found, _, _) = Sum(language, rule);
        return positives == 0 ? 1 : (double)found / positives;
    }

    public double FalsePositiveRate(string? language = null, string? rule = null)
    {
        var (_, _, negatives, falsePositives) = Sum(language, rule);
        return negatives == 0 ? 0 : (double)falsePositives / negatives;
    }

    /// <summary>A Markdown table: one row per language and rule, one per language, one overall.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| language | rule | recall | false positives |");
        text.AppendLine("|---|---|---|---|");
        foreach (var language in CorpusSentence.Languages)
        {
            foreach (var rule in CorpusSentence.Rules)
            {
                Row(language, rule);
            }

            Row(language, null);
        }

        Row(null, null);
        return text.ToString();

        void Row(string? language, string? rule)
        {
            var (positives, found, negatives, falsePositives) = Sum(language, rule);
            text.AppendLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1} | {2:P1} ({3}/{4}) | {5:P1} ({6}/{7}) |",
                language ?? "all",
                rule ?? "all",
                Recall(language, rule),
                found,
                positives,
                FalsePositiveRate(language, rule),
                falsePositives,
                negatives));
        }
    }

    private (int Positives, int Found, int Negatives, int FalsePositives) Sum(string? language, string? rule)
    {
        int positives = 0, found = 0, negatives = 0, falsePositives = 0;
        foreach (var entry in _counts)
        {
            if ((language == null || entry.Key.Language == language) && (rule == null || entry.Key.Rule == rule))
            {
                positives += entry.Value.Positives;
                found += entry.Value.Found;
                negatives += entry.Value.Negatives;
                falsePositives += entry.Value.FalsePositives;
            }
        }

        return (positives, found, negatives, falsePositives);
    }

    private Counts CountsOf(string language, string rule)
    {
        if (!_counts.TryGetValue((language, rule), out var counts))
        {
            _counts[(language, rule)] = counts = new Counts();
        }

        return counts;
    }

    private sealed class Counts
    {
        public int Positives;
        public int Found;
        public int Negatives;
        public int FalsePositives;
    }
}
