namespace ServicePolicy.Cli.Eval;

using System.Text;
using System.Text.Json;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Yaml;

/// <summary>
/// Reads a decision's input from a JSON or YAML file, or from standard input (<c>-</c>), into
/// plain values (maps, lists, text, numbers, yes/no). Syntax errors name file:line:column.
/// </summary>
public static class DecisionInputReader
{
    public static object? Read(string source, TextReader standardInput)
    {
        var name = source == "-" ? "<stdin>" : source;
        var text = source == "-" ? standardInput.ReadToEnd() : ReadFile(source);
        var trimmed = text.TrimStart();
        var isJson = source.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                && (trimmed.StartsWith('{') || trimmed.StartsWith('[')));
        return isJson ? ReadJson(text, name) : ReadYaml(text, name);
    }

    private static string ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: this is a folder; pass a JSON or YAML file, or - for standard input.");
        }

        if (!File.Exists(path))
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: the input file was not found.");
        }

        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: the input is not a text file (it contains NUL bytes); pass JSON or YAML.");
        }

        return new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
    }

    private static object? ReadJson(string text, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            return FromJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new CliInputException($"{Paths.Display(name)}:{line}:{column}: error input-syntax: the input is not valid JSON: {(cut > 0 ? message[..cut] : message)}");
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (map, p) => { map[p.Name] = FromJson(p.Value); return map; }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static object? ReadYaml(string text, string name)
    {
        var errors = new List<PolicyError>();
        var root = YamlTreeReader.Read(text, Paths.Display(name), LoaderLimits.Default, errors);
        if (root == null || errors.Any(e => e.IsError))
        {
            var lines = errors.Select(ErrorText.Format).ToList();
            if (lines.Count == 0)
            {
                lines.Add($"{Paths.Display(name)}: error input-syntax: the input is empty or not YAML.");
            }

            throw new CliInputException(lines);
        }

        return FromYaml(root);
    }

    private static object? FromYaml(YamlNode node)
    {
        switch (node.Kind)
        {
            case YamlNodeKind.Mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in node.Entries)
                {
                    map[entry.Key.Value ?? ""] = FromYaml(entry.Value);
                }

                return map;
            case YamlNodeKind.Sequence:
                return node.Items.Select(FromYaml).ToList();
            default:
                if (node.IsNull)
                {
                    return null;
                }

                return node.IsQuoted ? node.Value : PolicyValue.InterpretPlainScalar(node.Value ?? "");
        }
    }
}
