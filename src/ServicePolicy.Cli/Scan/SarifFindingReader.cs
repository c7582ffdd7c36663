namespace ServicePolicy.Cli.Scan;

using System.Text.Json;

/// <summary>
/// Reads the compiler's SARIF 2.1 error log back and keeps the ServicePolicy results (SP*).
/// Rule titles and help links come from the log's rule metadata.
/// </summary>
public static class SarifFindingReader
{
    public static IEnumerable<Finding> Read(string sarifPath)
    {
        using var stream = File.OpenRead(sarifPath);
        using var document = JsonDocument.Parse(stream);
        var findings = new List<Finding>();
        if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            return findings;
        }

        foreach (var run in runs.EnumerateArray())
        {
            var rules = ReadRules(run);
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var id = Text(result, "ruleId");
                if (!id.StartsWith("SP", StringComparison.Ordinal) || IsSuppressed(result))
                {
                    continue;
                }

                rules.TryGetValue(id, out var rule);
                var message = result.TryGetProperty("message", out var m) ? Text(m, "text") : "";
                var (file, line, column, endLine, endColumn) = ReadLocation(result);
                findings.Add(new Finding(
                    id,
                    Finding.NormaliseSeverity(result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning"),
                    message,
                    file,
                    line,
                    column,
                    endLine,
                    endColumn,
                    rule.Title ?? "",
                    rule.HelpUri ?? ""));
            }
        }

        return findings;
    }

    private static Dictionary<string, (string? Title, string? HelpUri)> ReadRules(JsonElement run)
    {
        var rules = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var rule in list.EnumerateArray())
            {
                var title = rule.TryGetProperty("shortDescription", out var d) ? Text(d, "text") : null;
                rules[Text(rule, "id")] = (title, rule.TryGetProperty("helpUri", out var h) ? h.GetString() : null);
            }
        }

        return rules;
    }

    private static (string File, int Line, int Column, int EndLine, int EndColumn) ReadLocation(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0)
        {
            return ("", 0, 0, 0, 0);
        }

        var physical = locations[0].TryGetProperty("physicalLocation", out var p) ? p : default;
        if (physical.ValueKind != JsonValueKind.Object)
        {
            return ("", 0, 0, 0, 0);
        }

        var uri = physical.TryGetProperty("artifactLocation", out var artifact) ? Text(artifact, "uri") : "";
        var file = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : Uri.UnescapeDataString(uri);
        if (!physical.TryGetProperty("region", out var region))
        {
            return (file, 0, 0, 0, 0);
        }

        return (file, Number(region, "startLine"), Number(region, "startColumn"), Number(region, "endLine"), Number(region, "endColumn"));
    }

    private static bool IsSuppressed(JsonElement result) =>
        result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0;

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}
