namespace ServicePolicy.Core.Tests.Text;

using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

public class PhraseMatcherTests
{
    private static readonly PhraseMatcher Matcher = PhraseMatcher.Create(new TextRules
    {
        Claims = new()
        {
            ["en"] = new() { "guaranteed", "no risk", "risk-free", "class", "#1 choice", "best price ever" },
            ["es"] = new() { "garantizado", "sin ningún riesgo", "el mejor precio" },
            ["it"] = new() { "garantito", "senza rischi", "miglior prezzo" },
            ["ru"] = new() { "гарантированно", "без риска", "лучшая цена" },
        },
        Disrespectful = new()
        {
            ["en"] = new() { "stupid", "idiot*", "calm down" },
            ["es"] = new() { "idiota", "estúpido" },
            ["it"] = new() { "idiota", "stupido" },
            ["ru"] = new() { "тупой", "идиот" },
        },
        Promises = new()
        {
            ["en"] = new() { "we will call you back" },
            ["ru"] = new() { "мы вам перезвоним" },
        },
        Patterns = new()
        {
            new TextPattern { Id = "fake-scarcity", Kind = "claim", Regex = @"only \d+ left" },
            new TextPattern { Id = "ru-fake-scarcity", Kind = "claim", Regex = @"осталось всего \d+" },
        },
    });

    public static TheoryData<string, string, string> Positives => new()
    {
        // text, phrase as written in the policy, the original text it must be found at
        { "It is GUARANTEED!", "guaranteed", "GUARANTEED" },
        { "Guaranteed.", "guaranteed", "Guaranteed" },
        { "\"guaranteed\"", "guaranteed", "guaranteed" },
        { "Está Garantizado.", "garantizado", "Garantizado" },
        { "¡GARANTÍZADO!", "garantizado", "GARANTÍZADO" },
        { "Es garanti\u0301zado", "garantizado", "garanti\u0301zado" },
        { "Compra SIN NINGUN RIESGO hoy", "sin ningún riesgo", "SIN NINGUN RIESGO" },
        { "È tutto garantito, senza   rischi", "senza rischi", "senza   rischi" },
        { "Il miglior\nprezzo d'Italia", "miglior prezzo", "miglior\nprezzo" },
        { "Это ГАРАНТИРОВАННО работает", "гарантированно", "ГАРАНТИРОВАННО" },
        { "Покупайте Без Риска!", "без риска", "Без Риска" },
        { "Ты тупой?", "тупой", "тупой" },
        { "Это лучшая цена.", "лучшая цена", "лучшая цена" },
        { "A risk free trial", "risk-free", "risk free" },
        { "A risk\u2013free trial", "risk-free", "risk\u2013free" },
        { "Simply the #1 choice", "#1 choice", "#1 choice" },
        { "What an idiot.", "idiot*", "idiot" },
        { "That was idiotic", "idiot*", "idiotic" },
        { "Please calm\r\n   down", "calm down", "calm\r\n   down" },
        { "Non sia stupido", "stupido", "stupido" },
        { "No seas ESTUPIDO", "estúpido", "ESTUPIDO" },
        { "l'idiota", "idiota", "idiota" },
        { "Hurry, only 3 left!", "fake-scarcity", "only 3 left" },
        { "Осталось всего 2 места", "ru-fake-scarcity", "Осталось всего 2" },
        { "We\u00A0will call you back tomorrow", "we will call you back", "We\u00A0will call you back" },
        { "𝐆𝐔𝐀𝐑𝐀𝐍𝐓𝐄𝐄𝐃 results", "guaranteed", "𝐆𝐔𝐀𝐑𝐀𝐍𝐓𝐄𝐄𝐃" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void A_phrase_is_found_whatever_its_case_accents_and_spacing(string text, string phrase, string foundAt)
    {
        var result = Matcher.Scan(text);
        var match = Assert.Single(result.Matches, m => m.Phrase == phrase);
        Assert.Equal(foundAt, match.TextIn(text));
        Assert.Equal(text.IndexOf(foundAt, StringComparison.Ordinal), match.Start);
        Assert.False(result.TimedOut);
    }

    public static TheoryData<string> Negatives => new()
    {
        "A classic design",                 // class inside classic
        "Subclass it",                      // class at the end of a word
        "We guarantee a reply",             // guarantee is not guaranteed
        "Nothing is unguaranteed",          // guaranteed inside a longer word
        "No risky moves",                   // no risk inside no risky
        "The garantizadora called",         // garantizado is not a prefix match
        "garantitovalido",                  // garantito inside a longer word
        "Он не тупойкий",                   // тупой inside a longer (made-up) word
        "Раступой",                         // тупой at the end of a word
        "stupidity is not a word we use",   // stupid inside stupidity
        "no. Risk is low",                  // punctuation breaks a multi-word phrase
        "We will call you",                 // a phrase missing its last word
        "calmdown",                         // no separator between the words
        "#12 choice",                       // #1 inside #12
        "an idiom",                         // idiot* does not match a different word
        "only a few left",                  // the pattern needs a number
        "",
    };

    [Theory]
    [MemberData(nameof(Negatives))]
    public void A_harmless_word_that_merely_contains_a_phrase_is_not_found(string text)
    {
        var result = Matcher.Scan(text);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public void Every_occurrence_is_reported_in_order_with_its_kind_and_language()
    {
        var text = "Garantito! Non sia stupido, è garantito e senza rischi.";
        var matches = Matcher.Scan(text).Matches;
        Assert.Equal(
            new[] { ("garantito", PhraseKind.Claim, "Garantito"), ("stupido", PhraseKind.Disrespectful, "stupido"), ("garantito", PhraseKind.Claim, "garantito"), ("senza rischi", PhraseKind.Claim, "senza rischi") },
            matches.Select(m => (m.Phrase, m.Kind, m.TextIn(text))).ToArray());
        Assert.All(matches, m => Assert.Equal("it", m.Language));
    }

    [Fact]
    public void A_word_banned_in_two_languages_is_found_once_and_reported_for_the_requested_language()
    {
        var text = "Eres un idiota";
        Assert.Equal("es", Assert.Single(Matcher.Scan(text, "es").Matches).Language);
        Assert.Equal("it", Assert.Single(Matcher.Scan(text, "it-IT").Matches).Language);
        // Without a language every list applies: the Spanish/Italian word once, and the English "idiot*".
        Assert.Single(Matcher.Scan(text).Matches, m => m.Phrase == "idiota");
        Assert.Single(Matcher.Scan(text).Matches, m => m.Phrase == "idiot*");
    }

    [Theory]
    [InlineData("Resultado garantizado.", "garantizado")]
    [InlineData("Entrega garantizada.", "garantizada")]
    public void Two_phrases_that_share_a_form_give_one_finding_named_as_the_text_reads(string text, string expected)
    {
        // Both phrases cover the masculine and feminine forms; one stretch of text is one finding.
        var matcher = PhraseMatcher.Create(new TextRules
        {
            Claims = new() { ["es"] = new() { "garantizada", "garantizado" } },
        });

        var match = Assert.Single(matcher.Scan(text, "es").Matches);
        Assert.Equal(expected, match.Phrase);
        Assert.Single(matcher.Scan("Resultados garantizados.", "es").Matches);
    }

    [Fact]
    public void A_language_filter_skips_other_languages_but_patterns_always_run()
    {
        var text = "Garantizado: only 2 left";
        var matches = Matcher.Scan(text, "en").Matches;
        var match = Assert.Single(matches);
        Assert.Equal("fake-scarcity", match.PatternId);
        Assert.Equal("", match.Language);
        Assert.Equal(2, Matcher.Scan(text).Matches.Count);
    }

    [Fact]
    public void Promises_are_reported_as_promises()
    {
        var match = Assert.Single(Matcher.Scan("Не волнуйтесь, мы вам перезвоним.").Matches);
        Assert.Equal(PhraseKind.Promise, match.Kind);
        Assert.Equal("ru", match.Language);
        Assert.True(Matcher.Contains("We will call you back", PhraseKind.Promise));
        Assert.False(Matcher.Contains("We will call you back", PhraseKind.Claim));
    }

    [Fact]
    public void Indexes_point_into_the_original_text_after_characters_that_normalise_to_several_or_none()
    {
        // ß becomes ss, the soft hyphen and the separate accent vanish, the ligature becomes two
        // letters: all before the match, so a wrong map would shift it.
        var text = "Straße\u00AD ﬁne e\u0301 — it's guaranteed";
        var match = Assert.Single(Matcher.Scan(text).Matches);
        Assert.Equal(text.IndexOf("guaranteed", StringComparison.Ordinal), match.Start);
        Assert.Equal("guaranteed".Length, match.Length);
    }

    [Fact]
    public void The_caller_list_overload_appends_and_reuses()
    {
        var list = new List<PhraseMatch> { new(PhraseKind.Claim, "kept", "en", 0, 1) };
        var timedOut = Matcher.Scan("stupid and guaranteed", list);
        Assert.False(timedOut);
        Assert.Equal(new[] { "kept", "stupid", "guaranteed" }, list.Select(m => m.Phrase).ToArray());
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_is_a_failed_match_and_is_reported_not_thrown()
    {
        var matcher = PhraseMatcher.Create(
            new[] { (PhraseKind.Claim, "guaranteed", "en") },
            new[] { new TextPattern { Id = "slow", Kind = "claim", Regex = "(a+)+$" } },
            TimeSpan.FromMilliseconds(1));
        var text = "guaranteed " + new string('a', 5000) + "!";
        var result = matcher.Scan(text);
        Assert.True(result.TimedOut);
        var match = Assert.Single(result.Matches);
        Assert.Equal("guaranteed", match.Phrase);
    }

    [Fact]
    public void Unusable_phrases_and_patterns_are_reported_as_problems_not_exceptions()
    {
        var matcher = PhraseMatcher.Create(
            new[] { (PhraseKind.Claim, "  \u0301 ", "en"), (PhraseKind.Claim, "fine", "en") },
            new[] { new TextPattern { Id = "broken", Regex = "(unclosed" }, new TextPattern { Id = "odd", Kind = "rude", Regex = "x" } });
        Assert.Equal(3, matcher.Problems.Count);
        Assert.Equal(1, matcher.PhraseCount);
        Assert.Equal(0, matcher.PatternCount);
        Assert.Single(matcher.Scan("fine").Matches);
    }

    [Fact]
    public void Accented_patterns_match_unaccented_normalised_text()
    {
        var matcher = PhraseMatcher.Create(
            Array.Empty<(PhraseKind, string, string)>(),
            new[] { new TextPattern { Id = "es-garantia", Regex = @"garantía (total|absoluta)" } });
        Assert.Single(matcher.Scan("Con GARANTÍA Absoluta").Matches);
    }

    [Fact]
    public void Phrases_without_letters_are_still_found()
    {
        var matcher = PhraseMatcher.Create(new[] { (PhraseKind.Disrespectful, "!!!", "en") });
        var match = Assert.Single(matcher.Scan("Pay now!!!").Matches);
        Assert.Equal(7, match.Start);
    }

    [Fact]
    public void Null_and_empty_texts_find_nothing()
    {
        Assert.Empty(Matcher.Scan(null).Matches);
        Assert.Empty(PhraseMatcher.Empty.Scan("guaranteed").Matches);
    }

    [Fact]
    public void The_matcher_is_safe_to_share_between_threads()
    {
        var texts = new[] { "It is GUARANTEED", "Ты тупой?", "senza rischi", "a classic" };
        var expected = texts.Select(t => Matcher.Scan(t).Matches.Count).ToArray();
        Parallel.For(0, 2000, i =>
        {
            var index = i % texts.Length;
            Assert.Equal(expected[index], Matcher.Scan(texts[index]).Matches.Count);
        });
    }
}
