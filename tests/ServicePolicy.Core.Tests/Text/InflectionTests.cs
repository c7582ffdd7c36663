namespace ServicePolicy.Core.Tests.Text;

using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>A phrase written once finds its inflected forms in its own language, and nothing that merely starts like it.</summary>
public class InflectionTests
{
    private static readonly PhraseMatcher Matcher = PhraseMatcher.Create(new TextRules
    {
        Claims = new()
        {
            ["en"] = new() { "guaranteed", "lowest price ever", "=miracle" },
            ["es"] = new() { "garantizado", "garantizamos", "milagroso", "sin riesgo" },
            ["it"] = new() { "garantito", "garantiamo", "senza rischi" },
            ["ru"] = new() { "гарантированно", "гарантируем", "без риска", "самая низкая цена", "уникальное предложение", "мгновенный результат" },
        },
        Disrespectful = new()
        {
            ["en"] = new() { "idiot" },
            ["es"] = new() { "idiota", "imbécil" },
            ["it"] = new() { "stupido", "imbecille" },
            ["ru"] = new() { "идиот", "тупой", "заткнитесь", "как я уже говорил" },
        },
    });

    public static TheoryData<string, string, string> Inflected => new()
    {
        // language, text, phrase
        { "en", "Only idiots do that", "idiot" },
        { "en", "the lowest prices ever", "lowest price ever" },
        { "es", "Están garantizadas", "garantizado" },
        { "es", "Resultados garantizados", "garantizado" },
        { "es", "Le garantizo el resultado", "garantizamos" },
        { "es", "La empresa garantiza la entrega", "garantizamos" },
        { "es", "Son milagrosas", "milagroso" },
        { "es", "Son unos idiotas", "idiota" },
        { "es", "No atendemos a imbéciles", "imbécil" },
        { "es", "sin riesgos", "sin riesgo" },
        { "it", "Sono garantite", "garantito" },
        { "it", "Tutti garantiti", "garantito" },
        { "it", "Le garantisco il rimborso", "garantiamo" },
        { "it", "senza rischio", "senza rischi" },
        { "it", "Che domande stupide", "stupido" },
        { "it", "Non serviamo imbecilli", "imbecille" },
        { "ru", "Мы гарантируем результат", "гарантируем" },
        { "ru", "Я гарантирую", "гарантируем" },
        { "ru", "Они гарантируют", "гарантируем" },
        { "ru", "Все гарантированы", "гарантированно" },
        { "ru", "Возврат гарантирован", "гарантированно" },
        { "ru", "гарантированную скидку", "гарантированно" },
        { "ru", "без рисков", "без риска" },
        { "ru", "самые низкие цены", "самая низкая цена" },
        { "ru", "Только идиоты", "идиот" },
        { "ru", "с идиотами", "идиот" },
        { "ru", "тупые вопросы", "тупой" },
        { "ru", "Заткнись", "заткнитесь" },
        { "ru", "как я уже говорила", "как я уже говорил" },
        { "ru", "уникальные предложения", "уникальное предложение" },
        { "ru", "мгновенные результаты", "мгновенный результат" },
    };

    public static TheoryData<string, string> NotInflections => new()
    {
        // language, text
        { "en", "a two-year guarantee" },        // guaranteed: another word
        { "en", "our guarantees" },
        { "en", "Miracles happen" },             // "=miracle" is kept exact
        { "en", "an idiom" },
        { "es", "Milagros le llamará" },          // milagroso needs an ending: milagros is a name
        { "es", "la garantía del fabricante" },
        { "es", "No podemos garantizar la fecha" },
        { "es", "la idiosincrasia" },
        { "it", "il garante firma" },             // garantiamo's forms never end in -e
        { "it", "la garanzia" },
        { "it", "la stupidità" },
        { "ru", "гарантия два года" },
        { "ru", "Гарант по договору" },
        { "ru", "тупик" },
        { "ru", "идиома" },
    };

    [Theory]
    [MemberData(nameof(Inflected))]
    public void A_phrase_finds_its_inflected_forms(string language, string text, string phrase)
    {
        Assert.Contains(Matcher.Scan(text, language).Matches, m => m.Phrase == phrase);
    }

    [Theory]
    [MemberData(nameof(NotInflections))]
    public void A_word_with_another_stem_or_ending_is_not_a_form(string language, string text)
    {
        Assert.Empty(Matcher.Scan(text, language).Matches);
    }

    [Fact]
    public void Forms_lists_the_words_a_phrase_covers()
    {
        Assert.True(Inflection.For("es")!.TryForms("garantizado", out var forms));
        Assert.Contains("garantizadas", forms);
        Assert.DoesNotContain("garantizad", forms);
        Assert.True(Inflection.For("ru")!.TryForms("предложение", out forms));
        Assert.Contains("предложения", forms);
        Assert.False(Inflection.For("es")!.TryForms("el", out _));
        Assert.Null(Inflection.For("de"));
    }
}
