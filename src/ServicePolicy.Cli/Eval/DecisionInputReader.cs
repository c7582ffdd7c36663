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

        // A device or a pipe reports no size and would be read without end or wait for a writer.
        if (new FileInfo(path).Length == 0)
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: the input is empty or is not a regular file (a device or a pipe); pass a JSON or YAML file, or - for standard input.");
        }

        var bytes = File.ReadAllBytes(path);
        var encoding = PolicyTextEncoding.OtherEncodingOf(bytes);
        if (encoding != null)
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: the input is {encoding} text; save it as UTF-8.");
        }

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
            return FromJson(document.RootElement, "$", name);
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

    /// <summary>
    /// Plain values of a parsed document. JSON that parses can still hold what no value can be: a
    /// `\ud800` escape (half a character) or a number beyond a double (1e400); each is bad input,
    /// named by its JSON path.
    /// </summary>
    private static object? FromJson(JsonElement element, string path, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var key = Text(() => property.Name, path, name);
                    map[key] = FromJson(property.Value, path + "." + key, name);
                }

                return map;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select((item, i) => FromJson(item, $"{path}[{i}]", name)).ToList();
            case JsonValueKind.String:
                return Text(() => element.GetString()!, path, name);
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole))
                {
                    return whole;
                }

                if (element.TryGetDouble(out var real) && double.IsFinite(real))
                {
                    return real;
                }

                throw new CliInputException($"{Paths.Display(name)}: error input-value: `{path}` is a number too large to use ({Shorten(element.GetRawText())}); numbers must be finite.");
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static string Text(Func<string> read, string path, string name)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw new CliInputException($"{Paths.Display(name)}: error input-value: `{path}` holds text that is not valid Unicode (an escape such as \\ud800 that is half of a character).");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

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

    private static string ErrorLocation(YamlNode node) => $"{Paths.Display(node.Location.File)}:{node.Location.Line}:{node.Location.Column}";

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

                var value = node.IsQuoted ? node.Value : PolicyValue.InterpretPlainScalar(node.Value ?? "");
                if (value is double real && !double.IsFinite(real))
                {
                    throw new CliInputException($"{ErrorLocation(node)}: error input-value: `{Shorten(node.Value ?? "")}` is a number too large to use; numbers must be finite.");
                }

                return value;
        }
    }
}
