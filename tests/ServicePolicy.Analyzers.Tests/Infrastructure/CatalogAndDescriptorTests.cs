namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using System.Reflection;
using ServicePolicy.Analyzers.Communication;
using ServicePolicy.Analyzers.Configuration;
using ServicePolicy.Analyzers.Fairness;

public sealed class CatalogAndDescriptorTests
{
    private static readonly string RepositoryRoot = typeof(CatalogAndDescriptorTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void The_catalog_holds_every_analyzer_and_together_they_report_every_id()
    {
        var analyzers = AnalyzerCatalog.CreateAll();

        Assert.Contains(analyzers, a => a is PolicyFileAnalyzer);
        Assert.Contains(analyzers, a => a is ProtectedAttributeAnalyzer);
        Assert.Contains(analyzers, a => a is CustomerTextAnalyzer);
        var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.All(Descriptors.All, d => Assert.Contains(d.Id, supported));
        Assert.NotSame(analyzers[0], AnalyzerCatalog.CreateAll()[0]);
    }

    [Fact]
    public void Every_descriptor_has_a_help_link_to_its_rule_page_and_a_description()
    {
        Assert.Equal(Descriptors.All.Count, Descriptors.All.Select(d => d.Id).Distinct().Count());
        Assert.All(Descriptors.All, d =>
        {
            Assert.Equal($"https://github.com/servicepolicy/servicepolicy/blob/main/docs/rules/{d.Id}.md", d.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()));
            Assert.StartsWith("ServicePolicy", d.Category, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("SP2001")]
    [InlineData("SP3001")]
    [InlineData("SP9001")]
    [InlineData("SP9002")]
    [InlineData("SP9003")]
    [InlineData("SP9004")]
    public void The_rule_page_exists_and_shows_how_to_configure_and_suppress(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md"));

        Assert.Contains("# " + id, page, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page, StringComparison.Ordinal);
        Assert.Contains("#pragma warning disable " + id, page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_index_lists_every_id()
    {
        var index = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "README.md"));

        Assert.All(Descriptors.All, d => Assert.Contains($"[{d.Id}]({d.Id}.md)", index, StringComparison.Ordinal));
    }
}
