namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using ServicePolicy.Analyzers.Tests.Harness;

/// <summary>The policy is parsed once per content, not once per compilation.</summary>
[Collection(SequentialCollection.Name)]
public sealed class PolicyCacheTests
{
    private static string UniquePolicy(string extra = "") =>
        $"apiVersion: servicepolicy/v1\nmetadata:\n  name: cache-{Guid.NewGuid():N}\n{extra}text:\n  claims:\n    en: [guaranteed]\n";

    [Fact]
    public void Two_compilations_with_the_same_policy_text_share_one_parse_and_one_phrase_matcher()
    {
        var policy = UniquePolicy();
        var (first, _) = ClassifierTestHelper.Create("public class A { }", policy);
        var (second, _) = ClassifierTestHelper.Create("public class B { }", policy);

        Assert.NotSame(first, second);
        Assert.Same(first.Loaded, second.Loaded);
        Assert.Same(first.Phrases, second.Phrases);
        Assert.Equal(1, first.Phrases.PhraseCount);
    }

    [Fact]
    public void A_changed_policy_text_is_parsed_again()
    {
        var (first, _) = ClassifierTestHelper.Create("public class A { }", UniquePolicy());
        var (second, _) = ClassifierTestHelper.Create("public class A { }", UniquePolicy());

        Assert.NotSame(first.Loaded, second.Loaded);
    }

    [Fact]
    public void A_changed_included_file_is_parsed_again_even_when_the_root_is_unchanged()
    {
        var root = UniquePolicy("include: [base.yaml]\n");
        var (first, _) = ClassifierTestHelper.Create("public class A { }", root, p => p.AddAdditionalFile("base.yaml", "apiVersion: servicepolicy/v1\n"));
        var (same, _) = ClassifierTestHelper.Create("public class A { }", root, p => p.AddAdditionalFile("base.yaml", "apiVersion: servicepolicy/v1\n"));
        var (changed, _) = ClassifierTestHelper.Create("public class A { }", root, p => p.AddAdditionalFile("base.yaml", "apiVersion: servicepolicy/v1\nmetadata:\n  name: changed\n"));

        Assert.Same(first.Loaded, same.Loaded);
        Assert.NotSame(first.Loaded, changed.Loaded);
    }

    [Fact]
    public void Every_analyzer_of_one_compilation_shares_one_context()
    {
        var project = new TestProject().AddSource("public class A { }").AddPolicy(UniquePolicy());
        var compilation = project.CreateCompilation();
        var options = project.CreateAnalyzerOptions();

        var first = Analyzers.Infrastructure.PolicyContext.GetOrCreate(compilation, options, CancellationToken.None);
        var second = Analyzers.Infrastructure.PolicyContext.GetOrCreate(compilation, options, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Same(first.Symbols, second.Symbols);
    }

    [Fact]
    public void The_cache_stays_bounded()
    {
        for (var i = 0; i < Analyzers.Infrastructure.PolicyCache.Capacity + 8; i++)
        {
            ClassifierTestHelper.Create("public class A { }", UniquePolicy());
        }

        Assert.True(Analyzers.Infrastructure.PolicyCache.Count <= Analyzers.Infrastructure.PolicyCache.Capacity);
    }
}

/// <summary>Tests that look at process-wide state run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialCollection
{
    public const string Name = "Sequential";
}
