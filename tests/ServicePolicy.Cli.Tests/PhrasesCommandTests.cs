namespace ServicePolicy.Cli.Tests;

using System.Reflection;

/// <summary>`servicepolicy phrases`: the forms a phrase covers, and why a message text matches.</summary>
public class PhrasesCommandTests
{
    private static readonly string RepositoryRoot = typeof(PhrasesCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void Explain_names_the_lists_the_words_found_and_the_phrase_they_match()
    {
        var result = CliRunner.RunIn(RepositoryRoot, null, "phrases", "policies/service-ethics.yaml", "--explain", "Todos los resultados están ｇａｒａｎｔｉｚａｄｏｓ.");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("lists checked: es (detected)", result.Out, StringComparison.Ordinal);
        Assert.Contains("claim: \"ｇａｒａｎｔｉｚａｄｏｓ\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("garantizadas", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_text_exits_0_and_a_phrase_shows_its_forms()
    {
        Assert.Equal(0, CliRunner.RunIn(RepositoryRoot, null, "phrases", "policies/service-ethics.yaml", "--explain", "Thank you for your patience.", "--language", "en").ExitCode);
        var forms = CliRunner.RunIn(RepositoryRoot, null, "phrases", "policies/service-ethics.yaml", "--language", "ru", "--phrase", "гарантируем");
        Assert.Equal(0, forms.ExitCode);
        Assert.Contains("гарантируют", forms.Out, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.RunIn(RepositoryRoot, null, "phrases", "policies/service-ethics.yaml", "--phrase", "гарантируем").ExitCode);
    }
}
