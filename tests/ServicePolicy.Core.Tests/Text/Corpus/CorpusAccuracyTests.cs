namespace ServicePolicy.Core.Tests.Text.Corpus;

using ServicePolicy.Core.Model;
using ServicePolicy.Core.Tests.PolicyPack;
using ServicePolicy.Core.Text;
using Xunit.Abstractions;

/// <summary>
/// How well the seed pack's phrases, through the shared matcher, sort the corpus's sentences. The
/// figures are written to the test output (and to the file named by SERVICEPOLICY_CORPUS_REPORT, when
/// set), so that docs/text-accuracy.md can be refreshed with one command.
/// </summary>
public class CorpusAccuracyTests
{
    /// <summary>The least recall, per language and rule, the seed pack must reach on the corpus.</summary>
    private const double MinimumRecall = 0.95;

    /// <summary>The largest false-positive rate, per language and rule, the seed pack may have on the corpus.</summary>
    private const double MaximumFalsePositiveRate = 0.02;

    private static readonly Lazy<PhraseMatcher> SeedPackMatcher = new(() => PhraseMatcher.Create(ShippedPolicyTests.Load("policies/service-ethics.yaml").Text));

    private readonly ITestOutputHelper _output;

    public CorpusAccuracyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Corpus_has_at_least_200_sentences_per_language_half_of_them_to_flag()
    {
        foreach (var language in CorpusSentence.Languages)
        {
            var sentences = CorpusSentence.Load(language);
            Assert.True(sentences.Count >= 200, $"{language}: {sentences.Count} sentences");
            var flagged = sentences.Count(s => s.Expected.Count > 0);
            Assert.InRange(flagged, sentences.Count * 45 / 100, sentences.Count * 55 / 100);
            Assert.Contains(sentences, s => s.Case == "near-miss");
            Assert.Contains(sentences, s => s.Case == "inflected");
            Assert.Contains(sentences, s => s.Case == "evasion");
        }
    }

    [Fact]
    public void Seed_pack_meets_the_accuracy_goal_on_the_corpus()
    {
        var score = CorpusScore.Of(CorpusSentence.LoadAll(), (text, language) => Check(text, language));
        Report(score, "message language given by the request", "SERVICEPOLICY_CORPUS_REPORT");
        foreach (var language in CorpusSentence.Languages)
        {
            foreach (var rule in CorpusSentence.Rules)
            {
                Assert.True(score.Recall(language, rule) >= MinimumRecall, $"{language} {rule}: recall {score.Recall(language, rule):P1}\n{string.Join("\n", score.Errors)}");
                Assert.True(score.FalsePositiveRate(language, rule) <= MaximumFalsePositiveRate, $"{language} {rule}: false positives {score.FalsePositiveRate(language, rule):P1}\n{string.Join("\n", score.Errors)}");
            }
        }
    }

    [Fact]
    public void Without_a_declared_language_the_detected_one_does_nearly_as_well()
    {
        var score = CorpusScore.Of(CorpusSentence.LoadAll(), (text, _) => Check(text, null));
        Report(score, "no language in the request (detected from the text)", "SERVICEPOLICY_CORPUS_REPORT_DETECTED");
        Assert.True(score.Recall() >= MinimumRecall - 0.02, $"recall {score.Recall():P1}");
        Assert.True(score.FalsePositiveRate() <= MaximumFalsePositiveRate, $"false positives {score.FalsePositiveRate():P1}");
    }

    [Fact]
    public void The_language_is_detected_for_most_sentences()
    {
        var sentences = CorpusSentence.LoadAll();
        var right = sentences.Count(s => LanguageDetector.Detect(s.Text) == s.Language);
        Assert.True(right >= sentences.Count * 9 / 10, $"{right} of {sentences.Count} detected right");
    }

    /// <summary>The rules the seed pack finds in a message (of <paramref name="language"/> when given), as message.send looks for them.</summary>
    internal static IReadOnlyCollection<string> Check(string text, string? language)
    {
        var found = new HashSet<string>();
        var matches = new List<PhraseMatch>();
        SeedPackMatcher.Value.ScanMessage(text, language, matches, out _);
        foreach (var match in matches)
        {
            switch (match.Kind)
            {
                case PhraseKind.Claim:
                    found.Add("claim");
                    break;
                case PhraseKind.Disrespectful:
                    found.Add("disrespectful");
                    break;
            }
        }

        return found;
    }

    private void Report(CorpusScore score, string title, string variable)
    {
        var report = "Seed pack on the corpus, " + title + ":\n\n" + score.ToMarkdown() + "\n" + string.Join("\n", score.Errors) + "\n";
        _output.WriteLine(report);
        var path = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(path))
        {
            File.WriteAllText(path, report);
        }
    }
}
