namespace ServicePolicy.Benchmarks.Engine;

using BenchmarkDotNet.Attributes;

/// <summary>
/// How a decision's cost grows with the number of rules on its action (every rule evaluated, none
/// fires). Run: dotnet run -c Release --project tests/ServicePolicy.Benchmarks -- --filter '*RuleCountBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class RuleCountBenchmarks
{
    private PolicyEngine _engine = null!;
    private Dictionary<string, object?> _dictionary = null!;
    private Order _order = null!;

    [Params(10, 100, 1000)]
    public int Rules { get; set; }

    public sealed record Order(decimal Amount, string Country, string Channel, bool Express);

    [GlobalSetup]
    public void Setup()
    {
        _engine = PolicyEngine.Create(BenchmarkPolicies.WithRules(Rules));
        _order = new Order(5000m, "fr", "web", true);
        _dictionary = new Dictionary<string, object?> { ["amount"] = 5000m, ["country"] = "fr", ["channel"] = "web", ["express"] = true };
        if (_engine.Evaluate("order.check", _order).FiredRules.Count != 0)
        {
            throw new InvalidOperationException("No rule should fire.");
        }
    }

    [Benchmark]
    public Decision Poco() => _engine.Evaluate("order.check", _order);

    [Benchmark]
    public Decision Dictionary() => _engine.Evaluate("order.check", _dictionary);
}
