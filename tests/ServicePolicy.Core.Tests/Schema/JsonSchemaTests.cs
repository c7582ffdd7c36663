namespace ServicePolicy.Core.Tests.Schema;

using System.Text.Json;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Schema;
using ServicePolicy.Core.Tests.Support;

/// <summary>The checked-in JSON Schema is exactly what the generator makes from the model.</summary>
public class JsonSchemaTests
{
    private const string RelativePath = "policies/schema/servicepolicy.schema.json";

    [Fact]
    public void The_checked_in_schema_matches_the_model()
    {
        var generated = JsonSchemaGenerator.Generate();
        var path = Path.Combine(RepositoryFiles.Root, RelativePath);
        if (Environment.GetEnvironmentVariable("SERVICEPOLICY_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var checkedIn = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        Assert.True(
            checkedIn == generated,
            $"{RelativePath} differs from what the model generates (the model changed, or the file was edited by hand). " +
            "Regenerate it with:\n  SERVICEPOLICY_ACCEPT=1 dotnet test tests/ServicePolicy.Core.Tests --filter FullyQualifiedName~JsonSchemaTests\nand commit the result." +
            FirstDifference(checkedIn, generated));
    }

    [Fact]
    public void The_schema_is_valid_json_and_deterministic()
    {
        var first = JsonSchemaGenerator.Generate();
        Assert.Equal(first, JsonSchemaGenerator.Generate());
        using var document = JsonDocument.Parse(first);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Every_model_key_is_described_with_its_help_text_and_required_keys_are_listed()
    {
        using var document = JsonDocument.Parse(JsonSchemaGenerator.Generate());
        var root = document.RootElement;
        var defs = root.GetProperty("$defs");
        foreach (var key in ModelReflection.KeysOf(typeof(Policy)))
        {
            Assert.Equal(key.Help, root.GetProperty("properties").GetProperty(key.Name).GetProperty("description").GetString());
        }

        Assert.Equal(new[] { "apiVersion" }, root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());

        var rule = defs.GetProperty("Rule");
        Assert.Equal(new[] { "id", "principle", "action" }, rule.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var principles = rule.GetProperty("properties").GetProperty("principle").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(10, principles.Count);
        Assert.Equal("deny", rule.GetProperty("properties").GetProperty("effect").GetProperty("default").GetString());
        Assert.Equal(ModelReflection.EnumNames(typeof(RuleEffect)), rule.GetProperty("properties").GetProperty("effect").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        // A list of words also accepts a single word, as the loader does.
        var action = rule.GetProperty("properties").GetProperty("action").GetProperty("anyOf");
        Assert.Equal("string", action[0].GetProperty("type").GetString());
        Assert.Equal("array", action[1].GetProperty("type").GetString());

        // Conditions refer to themselves.
        var condition = defs.GetProperty("Condition").GetProperty("properties");
        Assert.Equal("#/$defs/Condition", condition.GetProperty("not").GetProperty("$ref").GetString());
        Assert.Equal("#/$defs/Condition", condition.GetProperty("all").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(ConditionOperators.All, condition.GetProperty("op").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("30m", true)]
    [InlineData("4h", true)]
    [InlineData("1d12h", true)]
    [InlineData("1w", true)]
    [InlineData("01:30", true)]
    [InlineData("30", false)]
    [InlineData("4 hours", false)]
    [InlineData("", false)]
    public void The_duration_pattern_agrees_with_the_loader(string text, bool valid)
    {
        Assert.Equal(valid, DurationParser.TryParse(text, out _));
        Assert.Equal(valid, System.Text.RegularExpressions.Regex.IsMatch(text, JsonSchemaGenerator.DurationPattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var index = 0;
        while (index < expected.Length && index < actual.Length && expected[index] == actual[index])
        {
            index++;
        }

        if (index == expected.Length && index == actual.Length)
        {
            return "";
        }

        var line = 1 + actual.Take(index).Count(c => c == '\n');
        return $"\nFirst difference at line {line} of the generated schema.";
    }
}
