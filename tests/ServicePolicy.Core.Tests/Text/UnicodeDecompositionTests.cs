namespace ServicePolicy.Core.Tests.Text;

using System.Text;
using ServicePolicy.Core.Text;

/// <summary>
/// Apps that run with InvariantGlobalization have no ICU, so string.Normalize cannot strip accents
/// there; the matcher then uses a built-in table. These tests hold that table to ICU's answer.
/// </summary>
public class UnicodeDecompositionTests
{
    [Fact]
    public void Fallback_table_gives_the_same_base_letter_as_ICU_for_latin_and_cyrillic_letters()
    {
        Assert.True(UnicodeDecomposition.RuntimeNormalizes, "the test process must have ICU to compare with");
        var ranges = Enumerable.Range(0xC0, 0x250 - 0xC0).Concat(Enumerable.Range(0x400, 0x60)).Concat(Enumerable.Range(0x1E00, 0x100));
        var compared = 0;
        foreach (var code in ranges)
        {
            var text = ((char)code).ToString();
            var decomposed = text.Normalize(NormalizationForm.FormD);
            var icuBase = decomposed.Length > 1 && decomposed.Skip(1).All(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                ? decomposed[0].ToString()
                : text;
            Assert.Equal(icuBase, UnicodeDecomposition.Fallback(text));
            compared++;
        }

        Assert.True(compared > 600);
    }

    [Theory]
    [InlineData("estúpido", "estupido")]
    [InlineData("Garantízado SIN RIESGO", "Garantizado SIN RIESGO")]
    [InlineData("non è un nostro problema", "non e un nostro problema")]
    [InlineData("ещё", "еще")]
    [InlineData("plain ascii", "plain ascii")]
    public void Fallback_strips_accents_of_the_supported_languages(string input, string expected)
    {
        Assert.Equal(expected, UnicodeDecomposition.Fallback(input));
    }
}
