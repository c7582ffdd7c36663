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
    private const double MinimumRecall = 0.50;

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
        Report(score);
        foreach (var language in CorpusSentence.Languages)
        {
            foreach (var rule in CorpusSentence.Rules)
            {
                Assert.True(score.Recall(language, rule) >= MinimumRecall, $"{language} {rule}: recall {score.Recall(language, rule):P1}\n{string.Join("\n", score.Errors)}");
                Assert.True(score.FalsePositiveRate(language, rule) <= MaximumFalsePositiveRate, $"{language} {rule}: false positives {score.FalsePositiveRate(language, rule):P1}\n{string.Join("\n", score.Errors)}");
            }
        }
    }

    /// <summary>The rules the seed pack finds in a message of <paramref name="language"/>, as message.send looks for them.</summary>
    internal static IReadOnlyCollection<string> Check(string text, string? language)
    {
        var found = new HashSet<string>();
        foreach (var match in SeedPackMatcher.Value.Scan(text, language).Matches)
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

    private void Report(CorpusScore score)
    {
        var report = score.ToMarkdown() + "\n" + string.Join("\n", score.Errors) + "\n";
        _output.WriteLine(report);
        var path = Environment.GetEnvironmentVariable("SERVICEPOLICY_CORPUS_REPORT");
        if (!string.IsNullOrEmpty(path))
        {
            File.WriteAllText(path, report);
        }
    }
}
