namespace ServicePolicy.Benchmarks.Loading;

using BenchmarkDotNet.Attributes;
using ServicePolicy.Core.Loading;

/// <summary>
/// Loading and validating a generated 1,000-rule policy: YAML reading, binding to the model,
/// merging, and every validation check. The target is under 100 ms (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private static readonly PolicyLoadOptions WithoutValidation = new() { Validate = false };

    private string _text = "";

    [Params(1000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = LargePolicyGenerator.Generate(Rules);

        // Measure a policy that is valid: a broken one would skip work and flatter the figure.
        var result = PolicyLoader.LoadText(_text, "generated.yaml");
        if (!result.Succeeded || result.Policy!.Rules.Count != Rules || result.Errors.Count != 0)
        {
            throw new InvalidOperationException("The generated policy does not load cleanly:\n" + string.Join("\n", result.Errors.Take(20)));
        }
    }

    [Benchmark(Baseline = true, Description = "LoadText + validation")]
    public int LoadAndValidate() => PolicyLoader.LoadText(_text, "generated.yaml").Policy!.Rules.Count;

    [Benchmark(Description = "LoadText without validation")]
    public int LoadOnly() => PolicyLoader.LoadText(_text, "generated.yaml", WithoutValidation).Policy!.Rules.Count;
}
