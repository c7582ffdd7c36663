namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Text;

/// <summary>
/// `phrases`: shows what the policy's text phrases match. Without <c>--explain</c>, every phrase (of
/// one language, or one phrase) with the word forms it covers; with <c>--explain "text"</c>, which
/// lists the text is checked against, its normalised form and each phrase found, where, and why.
/// Exit 1 when <c>--explain</c> finds a phrase, 2 when the policy cannot be loaded.
/// </summary>
public sealed class PhrasesVerb : IVerb
{
    private readonly CliConsole _console;

    public PhrasesVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy phrases policies/service-ethics.yaml --language es",
        "servicepolicy phrases policies/service-ethics.yaml --language ru --phrase \"гарантируем\"",
        "servicepolicy phrases policies/service-ethics.yaml --explain \"Los resultados están garantizados\"",
    };

    public Command Create()
    {
        var policy = new Argument<string>("policy") { Description = "The policy file." };
        var language = new Option<string?>("--language", "-l") { Description = "Only this language's phrases; with --explain, the message's language (detected when absent)." };
        var phrase = new Option<string?>("--phrase", "-p") { Description = "Show the forms of this phrase (needs --language), whether or not the policy lists it." };
        var explain = new Option<string?>("--explain", "-e") { Description = "A message text: show the phrases found in it and why." };
        var command = new Command("phrases", "Show the word forms each text phrase covers, or explain what a message text matches.")
        {
            policy,
            language,
            phrase,
            explain,
        };
        command.SetAction(result => Run(result.GetValue(policy)!, result.GetValue(language), result.GetValue(phrase), result.GetValue(explain)));
        return command;
    }

    private int Run(string path, string? language, string? phrase, string? explain)
    {
        var loaded = PolicyLoader.LoadFile(path);
        if (loaded.Policy == null || loaded.Errors.Any(e => e.IsError))
        {
            foreach (var error in loaded.Errors)
            {
                _console.Error.WriteLine(error.ToString());
            }

            return ExitCodes.BadInput;
        }

        var text = loaded.Policy.Text;
        if (explain != null)
        {
            return Explain(PhraseMatcher.Create(text), explain, language);
        }

        if (phrase != null)
        {
            if (string.IsNullOrWhiteSpace(language))
            {
                _console.Error.WriteLine("--phrase needs --language: a word takes different forms in each language.");
                return ExitCodes.BadInput;
            }

            var forms = PhraseMatcher.DescribeForms(phrase, language!);
            if (forms == null)
            {
                _console.Error.WriteLine($"\"{phrase}\" has nothing left to match after normalisation.");
                return ExitCodes.BadInput;
            }

            _console.Out.WriteLine($"{phrase} ({language}): {forms}");
            return ExitCodes.Clean;
        }

        foreach (var (kind, lists) in new[] { ("claim", text.Claims), ("disrespectful", text.Disrespectful), ("promise", text.Promises) })
        {
            foreach (var list in lists.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (language != null && !string.Equals(list.Key, language, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var item in list.Value)
                {
                    _console.Out.WriteLine($"{kind} {list.Key} {item}: {PhraseMatcher.DescribeForms(item, list.Key) ?? "(nothing to match)"}");
                }
            }
        }

        return ExitCodes.Clean;
    }

    private int Explain(PhraseMatcher matcher, string message, string? language)
    {
        var matches = new List<PhraseMatch>();
        var timedOut = matcher.ScanMessage(message, language, matches, out var checkedLanguage);
        _console.Out.WriteLine($"lists checked: {checkedLanguage.Checked} ({checkedLanguage.SourceName}) and the language-neutral list");
        _console.Out.WriteLine($"normalised text: {TextNormalizer.Normalize(message)}");
        if (matches.Count == 0)
        {
            _console.Out.WriteLine("no phrase found");
        }

        foreach (var match in matches)
        {
            var kind = match.Kind.ToString().ToLowerInvariant();
            var found = message.Substring(match.Start, match.Length);
            var how = match.PatternId.Length > 0
                ? $"pattern {match.PatternId}"
                : $"phrase \"{match.Phrase}\" ({match.Language}), which covers {PhraseMatcher.DescribeForms(match.Phrase, match.Language)}";
            _console.Out.WriteLine($"{kind}: \"{found}\" at {match.Start}..{match.Start + match.Length} matches {how}");
        }

        if (timedOut)
        {
            _console.Out.WriteLine("a pattern ran out of time: the text was not fully checked");
        }

        return matches.Count > 0 || timedOut ? ExitCodes.Violations : ExitCodes.Clean;
    }
}
