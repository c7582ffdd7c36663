namespace ServicePolicy.Core.Tests.Text;

using System.Text;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>
/// Random texts (fixed seed) built from phrase fragments, accents typed separately, typographic
/// punctuation, odd white space, invisible characters and broken surrogates: the matcher never
/// throws, every match lies inside the original text, and the original text it points at
/// normalises back to the phrase.
/// </summary>
public class PhraseMatcherPropertyTests
{
    private static readonly string[] Phrases = { "guaranteed", "no risk", "risk-free", "sin ningún riesgo", "garantito", "stia zitto", "без риска", "тупой", "#1 choice", "we'll call you back" };

    private static readonly string[] Pieces =
    {
        "guaranteed", "GUARANTEED", "guarantee", "no", "risk", "risk-free", "risk–free", "sin", "ningún", "NINGUN", "riesgo",
        "garantito", "garanti\u0301to", "stia", "zitto", "без", "РИСКА", "тупой", "тупойка", "#1", "choice", "we\u2019ll", "call",
        "you", "back", "classic", " ", "  ", "\r\n", "\t", "\u00A0", "\u200B", "\u00AD", "!", ".", ",", "'", "«", "»", "\u0301",
        "\uD835\uDC20", "\uD800", "ß", "ﬁ", "e\u0301", "-", "—", "x", "42",
    };

    private static readonly PhraseMatcher Matcher = PhraseMatcher.Create(Phrases.Select(p => (PhraseKind.Claim, p, "xx")));

    [Fact]
    public void Random_texts_never_break_the_matcher_and_every_match_points_at_its_phrase()
    {
        var random = new Random(20261122);
        var found = 0;
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 14);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0)
                {
                    builder.Append(' ');
                }
            }

            var text = builder.ToString();
            var result = Matcher.Scan(text);
            Assert.False(result.TimedOut);
            foreach (var match in result.Matches)
            {
                Assert.InRange(match.Start, 0, text.Length);
                Assert.InRange(match.Length, 1, text.Length - match.Start);
                Assert.Equal(Canonical(match.Phrase), Canonical(match.TextIn(text)));
                found++;
            }
        }

        // The generator is meant to produce matches too, not only noise.
        Assert.True(found > 500, $"only {found} matches in 3000 random texts");
    }

    /// <summary>The normalised form with separators unified, as the matcher compares them.</summary>
    private static string Canonical(string text)
    {
        var normalized = TextNormalizer.Normalize(text).Trim();
        var builder = new StringBuilder();
        foreach (var c in normalized)
        {
            var separator = c == ' ' || c == '-';
            if (separator && builder.Length > 0 && builder[builder.Length - 1] == ' ')
            {
                continue;
            }

            builder.Append(separator ? ' ' : c);
        }

        return builder.ToString();
    }
}
