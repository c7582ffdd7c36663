namespace ServicePolicy.Benchmarks.Engine;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Finds and loads the shipped seed pack, and generates policies of a given size.</summary>
internal static class BenchmarkPolicies
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static Policy SeedPack()
    {
        var path = Path.Combine(RepositoryRoot(), "policies", "service-ethics.yaml");
        var loaded = PolicyLoader.LoadFile(path);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException("The seed pack does not load: " + string.Join(Environment.NewLine, loaded.Errors));
        }

        return loaded.Policy!;
    }

    /// <summary>A policy with <paramref name="count"/> rules on one action, none of which fires for the benchmark's input.</summary>
    public static Policy WithRules(int count)
    {
        var yaml = new System.Text.StringBuilder();
        yaml.AppendLine("apiVersion: servicepolicy/v1");
        yaml.AppendLine("metadata: {name: generated, version: \"1\"}");
        yaml.AppendLine("actions:");
        yaml.AppendLine("  - name: order.check");
        yaml.AppendLine("    fields: {amount: number, country: text, channel: text, express: yes-no}");
        yaml.AppendLine("rules:");
        for (var i = 0; i < count; i++)
        {
            yaml.AppendLine($"  - id: R{i}");
            yaml.AppendLine("    principle: P3");
            yaml.AppendLine("    action: order.check");
            yaml.AppendLine("    when:");
            yaml.AppendLine("      all:");
            yaml.AppendLine($"        - {{field: amount, op: gt, value: {1000 + i}}}");
            yaml.AppendLine($"        - {{field: country, op: in, value: [c{i}, d{i}]}}");
            yaml.AppendLine($"        - {{field: express, op: eq, value: true}}");
        }

        var loaded = PolicyLoader.LoadText(yaml.ToString(), "generated.yaml", new PolicyLoadOptions { Limits = LoaderLimits.Default });
        return loaded.Policy ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.GetEnvironmentVariable("SERVICEPOLICY_ROOT"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ServicePolicy.sln")))
            {
                directory = directory.Parent;
            }

            if (directory != null)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository (or set SERVICEPOLICY_ROOT).");
    }
}
