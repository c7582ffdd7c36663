namespace ServicePolicy.PackageTests.Infrastructure;

using System.Text.Json;

/// <summary>The parts of a compiler SARIF 2.1 log the tests look at.</summary>
public sealed class SarifLog
{
    private SarifLog(string version, string schema, IReadOnlyList<SarifResult> results, IReadOnlyDictionary<string, string?> helpUris)
    {
        Version = version;
        Schema = schema;
        Results = results;
        HelpUris = helpUris;
    }

    public string Version { get; }

    public string Schema { get; }

    public IReadOnlyList<SarifResult> Results { get; }

    /// <summary>Rule id -> its helpUri (null when the rule has none), from tool.driver.rules.</summary>
    public IReadOnlyDictionary<string, string?> HelpUris { get; }

    public static SarifLog Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var results = new List<SarifResult>();
        var helpUris = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    helpUris[rule.GetProperty("id").GetString()!] = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
                }
            }

            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                results.Add(SarifResult.From(result));
            }
        }

        return new SarifLog(
            root.TryGetProperty("version", out var version) ? version.GetString() ?? "" : "",
            root.TryGetProperty("$schema", out var schema) ? schema.GetString() ?? "" : "",
            results,
            helpUris);
    }
}

public sealed record SarifResult(string RuleId, string Level, string Message, string? Uri, int Line, int Column, bool Suppressed)
{
    public string FileName => Uri == null ? "" : Path.GetFileName(System.Uri.UnescapeDataString(Uri));

    public string Key => $"{FileName}:{Line}:{Column} {RuleId}";

    internal static SarifResult From(JsonElement result)
    {
        string? uri = null;
        int line = 0, column = 0;
        if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var u))
            {
                uri = u.GetString();
            }

            if (physical.TryGetProperty("region", out var region))
            {
                line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
            }
        }

        return new SarifResult(
            result.GetProperty("ruleId").GetString() ?? "",
            result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning",
            result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
            uri,
            line,
            column,
            result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0);
    }
}
