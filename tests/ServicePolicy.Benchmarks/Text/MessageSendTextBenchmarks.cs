namespace ServicePolicy.Benchmarks;

using BenchmarkDotNet.Attributes;
using ServicePolicy.Benchmarks.Engine;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>
/// message.send on a 500-character reply with the seed pack: the whole decision (language declared,
/// and left to detection) and the text matcher's scan alone. Uses only API that predates per-language
/// lists, so the same file measures an older build for comparison (see docs/text-accuracy.md).
/// Run: dotnet run -c Release --project tests/ServicePolicy.Benchmarks -- --filter '*MessageSendText*' --warmupCount 2 --iterationCount 5
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class MessageSendTextBenchmarks
{
    /// <summary>A customer-service reply of exactly 500 characters, with nothing the policy forbids.</summary>
    internal static readonly string Reply = Build();

    private PolicyEngine _engine = null!;
    private PhraseMatcher _matcher = PhraseMatcher.Empty;
    private MessageRequest _declared = null!;
    private MessageRequest _undeclared = null!;
    private readonly List<PhraseMatch> _into = new(16);

    [GlobalSetup]
    public void Setup()
    {
        var policy = BenchmarkPolicies.SeedPack();
        _engine = PolicyEngine.Create(policy);
        _matcher = PhraseMatcher.Create(policy.Text);
        _declared = new MessageRequest(Reply, "en");
        _undeclared = new MessageRequest(Reply);
        foreach (var request in new[] { _declared, _undeclared })
        {
            var decision = _engine.CheckMessage(request);
            if (decision.Effect != DecisionEffect.Allow)
            {
                throw new InvalidOperationException("The benchmark reply should be allowed: " + decision.Explain());
            }
        }
    }

    [Benchmark(Baseline = true)]
    public Decision MessageSend_LanguageDeclared() => _engine.CheckMessage(_declared);

    [Benchmark]
    public Decision MessageSend_LanguageDetected() => _engine.CheckMessage(_undeclared);

    [Benchmark]
    public int Matcher_Scan()
    {
        _into.Clear();
        _matcher.Scan(Reply, _into);
        return _into.Count;
    }

    private static string Build()
    {
        const string Text =
            "Dear Ms Rossi, thank you for your patience while we looked into your order. The parcel left our " +
            "warehouse on Monday and the courier expects to deliver it on Thursday between 9:00 and 12:00. " +
            "We have refunded the delivery fee of 4.90 EUR to your card; it should appear within five working " +
            "days. If the item arrives damaged, please keep the packaging and send us a photo, and we will " +
            "arrange a replacement or a full refund, whichever you prefer. Your case number is C-2291. Kind " +
            "regards, the customer care team of our shop, available every day.";
        return Text.Length >= 500 ? Text.Substring(0, 500) : Text.PadRight(500, '.');
    }
}
