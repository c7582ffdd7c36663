namespace ServicePolicy.Core.Tests.Text;

using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>
/// The matcher runs on every outgoing message: scanning into a caller-owned list must not
/// allocate when the policy has no regular-expression patterns (word phrases need no strings).
/// Allocation counts are deterministic, unlike timings, so they can be asserted.
/// </summary>
public class PhraseMatcherAllocationTests
{
    private static readonly PhraseMatcher Matcher = PhraseMatcher.Create(new TextRules
    {
        Claims = new() { ["en"] = new() { "guaranteed", "risk-free", "no risk" }, ["ru"] = new() { "без риска", "гарантированно" } },
        Disrespectful = new() { ["en"] = new() { "stupid", "idiot*" }, ["es"] = new() { "idiota", "estúpido" } },
        Promises = new() { ["en"] = new() { "we will call you back" } },
    });

    [Fact]
    public void Scanning_a_clean_text_into_a_reused_list_allocates_nothing()
    {
        var text = "Thank you for your patience. Your classic model comes with a two-year guarantee; Garantía incluida. Спасибо! " + new string('x', 40);
        var into = new List<PhraseMatch>(16);
        Matcher.Scan(text, into);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            into.Clear();
            Matcher.Scan(text, into);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Empty(into);
    }

    [Fact]
    public void Scanning_a_text_with_matches_into_a_reused_list_allocates_nothing()
    {
        var text = "It is GUARANTEED and risk–free, you idiots; мы гарантированно без риска. We will call you back.";
        var into = new List<PhraseMatch>(16);
        Matcher.Scan(text, into);
        var expected = into.Count;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            into.Clear();
            Matcher.Scan(text, into);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(6, expected);
        Assert.Equal(expected, into.Count);
    }
}
