namespace ServicePolicy.Core.Tests.PolicyPack;

using System.Reflection;
using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// docs/policy-format.md is written by hand for compliance officers; these tests make sure it
/// cannot silently fall behind the model: every key, action, field, operator, fixed value, limit
/// and error code must be mentioned in it (as `code`).
/// </summary>
public class FormatReferenceTests
{
    private static readonly Lazy<string> Reference = new(() => File.ReadAllText(PolicyFiles.PathOf("docs/policy-format.md")));

    [Fact]
    public void Every_key_of_the_model_is_documented()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        CollectKeys(typeof(Policy), keys, new HashSet<Type>());
        CollectKeys(typeof(PolicyTestFile), keys, new HashSet<Type>());
        Assert.Contains("standsFor", keys);
        Assert.Contains("exactly", keys);
        AssertMentioned(keys, "key");
    }

    [Fact]
    public void Every_built_in_action_and_each_of_its_fields_is_documented()
    {
        AssertMentioned(ActionCatalog.BuiltIn.Select(a => a.Name), "action");
        AssertMentioned(ActionCatalog.BuiltIn.SelectMany(a => a.Fields).Select(f => f.Name).Distinct(), "action field");
        AssertMentioned(ActionCatalog.FieldTypeNames, "field type");
    }

    [Fact]
    public void Every_operator_and_fixed_value_is_documented()
    {
        AssertMentioned(ConditionOperators.All, "operator");
        foreach (var type in new[] { typeof(RuleEffect), typeof(Severity), typeof(SlaKind), typeof(DataLevel), typeof(DecisionEffect), typeof(ConsentStatus) })
        {
            AssertMentioned(ModelReflection.EnumNames(type), type.Name + " value");
        }
    }

    [Fact]
    public void Every_loader_limit_and_error_code_is_documented()
    {
        AssertMentioned(typeof(LoaderLimits).GetProperties().Where(p => p.PropertyType != typeof(LoaderLimits)).Select(p => p.Name), "limit");
        var codes = typeof(PolicyErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        AssertMentioned(codes, "error code");
    }

    [Fact]
    public void The_reference_shows_the_editor_schema_line_of_the_shipped_schema()
    {
        Assert.Contains("# yaml-language-server: $schema=./schema/servicepolicy.schema.json", Reference.Value, StringComparison.Ordinal);
        var seed = File.ReadAllText(PolicyFiles.PathOf("policies/service-ethics.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=./schema/servicepolicy.schema.json", seed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_walk_finds_keys_of_nested_lists_dictionaries_and_nullables()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        CollectKeys(typeof(Policy), keys, new HashSet<Type>());
        // Rule -> Condition (nullable, recursive), TestGiven -> ConsentRecord (list), TextRules -> TextPattern (list).
        Assert.Contains("any", keys);
        Assert.Contains("status", keys);
        Assert.Contains("regex", keys);
        Assert.Contains("now", keys);
    }

    private static void AssertMentioned(IEnumerable<string> names, string what)
    {
        var missing = names.Where(n => !Reference.Value.Contains("`" + n + "`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/policy-format.md does not mention these {what}s (written as `name`): {string.Join(", ", missing)}. Document them.");
    }

    private static void CollectKeys(Type type, ISet<string> keys, ISet<Type> visited)
    {
        if (!visited.Add(type))
        {
            return;
        }

        foreach (var key in ModelReflection.KeysOf(type))
        {
            keys.Add(key.Name);
            var inner = ElementType(key.Type);
            if (typeof(PolicyElement).IsAssignableFrom(inner))
            {
                CollectKeys(inner, keys, visited);
            }
        }
    }

    /// <summary>The model type inside Nullable&lt;T&gt;, List&lt;T&gt; or Dictionary&lt;K, T&gt;.</summary>
    private static Type ElementType(Type type)
    {
        var current = Nullable.GetUnderlyingType(type) ?? type;
        while (current.IsGenericType)
        {
            current = current.GetGenericArguments().Last();
        }

        return current;
    }
}
