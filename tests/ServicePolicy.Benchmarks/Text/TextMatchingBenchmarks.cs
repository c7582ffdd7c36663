namespace ServicePolicy.Benchmarks;

using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>
/// The shared text matcher (message.send and SP3001) on the seed pack's phrases (about 150 phrases
/// in four languages, two patterns), against the careful hand-written alternative: one compiled
/// regular expression `\b(?:phrase|phrase|...)\b` over the same normalised text.
/// Run: dotnet run -c Release --project tests/ServicePolicy.Benchmarks -- --filter '*TextMatching*'
/// (from the repository root: the seed pack is read from policies/service-ethics.yaml).
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class TextMatchingBenchmarks
{
    private const string Clean =
        "Dear customer, thank you for your patience. We have checked your invoice and corrected the amount; " +
        "the new total is 49.90 EUR including VAT and the terms are attached. Your classic model comes with a " +
        "two-year guarantee. Gracias por su paciencia. Grazie per la pazienza. Спасибо за терпение. Kind regards.";

    private const string WithMatches =
        "Dear customer, this offer is GUARANTEED and completely risk-free: only 3 left! Es una inversión sin " +
        "ningún riesgo, risultato garantito. Это гарантированно сработает. We will call you back. Kind regards.";

    private readonly List<PhraseMatch> _into = new(32);
    private PhraseMatcher _matcher = PhraseMatcher.Empty;
    private PhraseMatcher _wordsOnly = PhraseMatcher.Empty;
    private Regex _alternation = new("x");

    [GlobalSetup]
    public void Setup()
    {
        var result = PolicyLoader.LoadFile(FindSeedPack());
        var text = result.Policy?.Text ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
        _matcher = PhraseMatcher.Create(text);
        _wordsOnly = PhraseMatcher.Create(new TextRules { Claims = text.Claims, Disrespectful = text.Disrespectful, Promises = text.Promises });
        var phrases = text.Claims.Values.Concat(text.Disrespectful.Values).Concat(text.Promises.Values)
            .SelectMany(list => list)
            .Select(p => Regex.Escape(TextNormalizer.Normalize(p)).Replace("\\*", "\\w*"))
            .Distinct()
            .OrderByDescending(p => p.Length);
        _alternation = new Regex(@"\b(?:" + string.Join("|", phrases) + @")\b", RegexOptions.Compiled | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
    }

    [Benchmark(Baseline = true)]
    public int HandWrittenRegex_Clean() => CountRegex(Clean);

    [Benchmark]
    public int Matcher_Clean()
    {
        _into.Clear();
        _matcher.Scan(Clean, _into);
        return _into.Count;
    }

    [Benchmark]
    public int MatcherWordsOnly_Clean()
    {
        _into.Clear();
        _wordsOnly.Scan(Clean, _into);
        return _into.Count;
    }

    [Benchmark]
    public int HandWrittenRegex_WithMatches() => CountRegex(WithMatches);

    [Benchmark]
    public int Matcher_WithMatches()
    {
        _into.Clear();
        _matcher.Scan(WithMatches, _into);
        return _into.Count;
    }

    [Benchmark]
    public int Matcher_Build() => PhraseMatcher.Create(new TextRules { Claims = _claimsForBuild ??= LoadClaims() }).PhraseCount;

    private Dictionary<string, List<string>>? _claimsForBuild;

    private Dictionary<string, List<string>> LoadClaims() => PolicyLoader.LoadFile(FindSeedPack()).Policy!.Text.Claims;

    private int CountRegex(string text)
    {
        var count = 0;
        for (var match = _alternation.Match(TextNormalizer.Normalize(text)); match.Success; match = match.NextMatch())
        {
            count++;
        }

        return count;
    }

    private static string FindSeedPack()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "policies", "service-ethics.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("policies/service-ethics.yaml was not found; run the benchmarks from the repository root.");
    }
}
