namespace ServicePolicy.Core.Tests.Hostile;

using System.Text;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>
/// Large phrase lists inside the documented limits load in time that grows with their length:
/// merging them used to search the list for every new phrase, so 199,000 items took minutes.
/// The only time bound is <see cref="LoadGuard"/>'s hang limit, which a quadratic merge exceeds
/// many times over and a linear one stays far below.
/// </summary>
public class LargeListTests
{
    [Fact]
    public void A_phrase_list_of_199_000_items_loads_and_keeps_every_phrase_once()
    {
        var yaml = new StringBuilder("apiVersion: servicepolicy/v1\nmetadata:\n  name: large\n  version: 1.0.0\ntext:\n  claims:\n    en: [");
        for (var i = 0; i < 199_000; i++)
        {
            yaml.Append(i == 0 ? "" : ", ").Append('w').Append(i % 150_000); // 49,000 repeats, merged away
        }

        yaml.Append("]\n");
        var result = LoadGuard.Run(() => PolicyAssert.Load(yaml.ToString()), stackBytes: 4 * 1024 * 1024);
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        var claims = result.Policy!.Text.Claims["en"];
        Assert.Equal(150_000, claims.Count);
        Assert.Equal("w149999", claims[^1]);
    }

    [Fact]
    public void Phrase_lists_of_two_files_are_united_in_order_without_repeats()
    {
        var folder = Directory.CreateTempSubdirectory("sp-phrases-").FullName;
        try
        {
            var included = string.Join(", ", Enumerable.Range(0, 100_000).Select(i => "a" + i));
            File.WriteAllText(Path.Combine(folder, "base.yaml"), "apiVersion: servicepolicy/v1\ntext:\n  claims:\n    en: [" + included + "]\n");
            var own = string.Join(", ", Enumerable.Range(50_000, 100_000).Select(i => "a" + i));
            var company = Path.Combine(folder, "company.yaml");
            File.WriteAllText(company, "apiVersion: servicepolicy/v1\ninclude: [base.yaml]\nmetadata:\n  name: c\n  version: 1.0.0\ntext:\n  claims:\n    en: [" + own + "]\n");

            var result = LoadGuard.Run(() => PolicyLoader.LoadFile(company), stackBytes: 4 * 1024 * 1024);
            Assert.True(result.Succeeded, PolicyAssert.Describe(result));
            var claims = result.Policy!.Text.Claims["en"];
            Assert.Equal(150_000, claims.Count);
            Assert.Equal(Enumerable.Range(0, 150_000).Select(i => "a" + i), claims);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
