namespace ServicePolicy.Core.Tests.PolicyPack;

using System.Text.RegularExpressions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>The YAML examples in docs/policy-format.md are real: they bind, and the complete ones load and validate.</summary>
public class FormatReferenceExampleTests
{
    private static readonly Regex YamlBlock = new("```yaml\\n(?<body>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    public static TheoryData<int, string> Examples()
    {
        var data = new TheoryData<int, string>();
        var reference = File.ReadAllText(PolicyFiles.PathOf("docs/policy-format.md")).Replace("\r\n", "\n");
        var topLevel = ModelReflection.KeysOf(typeof(Policy)).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        foreach (Match match in YamlBlock.Matches(reference))
        {
            index++;
            var body = match.Groups["body"].Value;
            var firstKey = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'))?.Split(':')[0] ?? "";
            var isTestsFile = body.Split('\n').Any(l => l.StartsWith("policy:", StringComparison.Ordinal));
            if (topLevel.Contains(firstKey) && !isTestsFile)
            {
                data.Add(index, body);
            }
        }

        return data;
    }

    [Fact]
    public void The_reference_has_examples_for_most_sections()
    {
        Assert.True(Examples().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_uses_only_real_keys_and_values(int block, string yaml)
    {
        var text = yaml.StartsWith("apiVersion:", StringComparison.Ordinal) ? yaml : "apiVersion: servicepolicy/v1\n" + yaml;
        var result = PolicyLoader.LoadText(text, PolicyFiles.PathOf("policies/examples/doc-example.yaml"), new PolicyLoadOptions { Validate = false, IncludeRoots = PolicyFiles.SharedPackOptions.IncludeRoots });
        Assert.True(result.Policy != null && result.Errors.Count == 0, $"yaml block {block}:\n" + string.Join("\n", result.Errors));
    }

    [Fact]
    public void The_first_example_is_a_complete_valid_policy()
    {
        var first = Examples().First(row => ((string)row[1]).StartsWith("apiVersion:", StringComparison.Ordinal));
        var result = PolicyLoader.LoadText((string)first[1], "first-example.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Single(result.Policy!.Rules);
        Assert.Single(result.Policy.Tests);
    }
}
