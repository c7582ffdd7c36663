namespace ServicePolicy.Core.Tests.Text;

using ServicePolicy.Core.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("GUARANTEED", "guaranteed")]
    [InlineData("Garantízado", "garantizado")]
    [InlineData("GARANTÍZADO", "garantizado")]
    [InlineData("Senza RISCHI", "senza rischi")]
    [InlineData("perché così", "perche cosi")]
    [InlineData("ГАРАНТИРОВАННО", "гарантированно")]
    [InlineData("Ёлка ещё", "елка еще")]
    [InlineData("ﬁnal", "final")]
    [InlineData("ＦＲＥＥ", "free")]
    [InlineData("𝐠𝐮𝐚𝐫𝐚𝐧𝐭𝐞𝐞𝐝", "guaranteed")]
    [InlineData("Straße", "strasse")]
    [InlineData("niño", "nino")]
    public void Accents_case_and_compatibility_forms_are_folded(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void A_combining_accent_typed_separately_is_dropped()
    {
        Assert.Equal("garantizado", TextNormalizer.Normalize("garanti\u0301zado"));
    }

    [Theory]
    [InlineData("don\u2019t", "don't")]
    [InlineData("l\u2018idiota", "l'idiota")]
    [InlineData("\u201Cfree\u201D", "\"free\"")]
    [InlineData("\u00ABбесплатно\u00BB", "\"бесплатно\"")]
    [InlineData("risk\u2013free", "risk-free")]
    [InlineData("risk\u2014free", "risk-free")]
    [InlineData("risk\u2011free", "risk-free")]
    public void Typographic_quotes_apostrophes_and_dashes_become_ascii(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Every_run_of_white_space_becomes_one_space()
    {
        Assert.Equal("no risk at all", TextNormalizer.Normalize("no \t risk\r\n\r\n at\u00A0\u2003all"));
    }

    [Fact]
    public void Invisible_characters_are_dropped()
    {
        Assert.Equal("stupid", TextNormalizer.Normalize("stu\u200Bpi\u00ADd"));
    }

    [Fact]
    public void Each_normalised_character_maps_back_to_the_original_character()
    {
        var original = "¡GARANTÍZADO,  sin\r\nriesgo!";
        var buffer = new NormalizedText(4);
        TextNormalizer.Normalize(original, buffer);
        Assert.Equal("¡garantizado, sin riesgo!", buffer.Text);
        for (var i = 0; i < buffer.Length; i++)
        {
            // The original span of each normalised character normalises back to that character.
            var source = original.Substring(buffer.OriginalStart(i), buffer.OriginalEnd(i) - buffer.OriginalStart(i));
            Assert.Equal(buffer[i].ToString(), TextNormalizer.Normalize(source));
        }

        buffer.MapToOriginal(buffer.Text.IndexOf("sin riesgo", StringComparison.Ordinal), "sin riesgo".Length, out var start, out var length);
        Assert.Equal("sin\r\nriesgo", original.Substring(start, length));
    }

    [Fact]
    public void A_separately_typed_accent_belongs_to_its_letter_in_the_map()
    {
        var original = "e\u0301xito";
        var buffer = new NormalizedText();
        TextNormalizer.Normalize(original, buffer);
        Assert.Equal("exito", buffer.Text);
        buffer.MapToOriginal(0, 1, out var start, out var length);
        Assert.Equal((0, 2), (start, length));
    }

    [Fact]
    public void A_reused_buffer_forgets_the_previous_text()
    {
        var buffer = new NormalizedText(2);
        TextNormalizer.Normalize("a much longer text than the buffer", buffer);
        TextNormalizer.Normalize("Hi", buffer);
        Assert.Equal("hi", buffer.Text);
        Assert.Equal(2, buffer.Length);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("\uD800broken", "\uD800broken")]
    public void Null_empty_and_broken_text_do_not_throw(string? input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Stripping_accents_keeps_regex_escapes_and_case()
    {
        Assert.Equal(@"garantia \D+ SOLO", TextNormalizer.StripAccents(@"garantía \D+ SOLO"));
    }
}
