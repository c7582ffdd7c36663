namespace ServicePolicy.Cli.Output;

using System.Text.Json;

/// <summary>A rule in a SARIF log's tool section.</summary>
public sealed record SarifRule(string Id, string Description, string? HelpUri = null);

/// <summary>One SARIF result: a finding at a place in a file.</summary>
public sealed record SarifResult(string RuleId, string Level, string Message, string File, int Line, int Column, int EndLine = 0, int EndColumn = 0);

/// <summary>
/// Writes SARIF 2.1.0 by hand (System.Text.Json), so code-scanning services read the tool's
/// findings without an extra dependency. Only the parts those services use are written.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(string toolName, string toolVersion, IReadOnlyList<SarifRule> rules, IReadOnlyList<SarifResult> results)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", toolName);
            json.WriteString("version", toolVersion);
            json.WriteString("informationUri", "https://github.com/servicepolicy/servicepolicy");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Description);
                json.WriteEndObject();
                if (rule.HelpUri != null)
                {
                    json.WriteString("helpUri", rule.HelpUri);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                WriteResult(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteResult(Utf8JsonWriter json, SarifResult result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        json.WriteString("level", result.Level);
        json.WriteStartObject("message");
        json.WriteString("text", result.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Infrastructure.Paths.SarifUri(result.File));
        json.WriteEndObject();
        if (result.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", result.Line);
            json.WriteNumber("startColumn", Math.Max(1, result.Column));
            if (result.EndLine >= result.Line && result.EndLine > 0)
            {
                json.WriteNumber("endLine", result.EndLine);
                json.WriteNumber("endColumn", Math.Max(1, result.EndColumn));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>SARIF level for a severity word (error, warning, info, note).</summary>
    public static string Level(string severity) => severity.ToLowerInvariant() switch
    {
        "error" or "critical" => "error",
        "warning" => "warning",
        "hidden" or "none" => "none",
        _ => "note",
    };
}
