namespace ServicePolicy.Core.Schema;

using System.Reflection;
using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Generates the JSON Schema of the policy format from the model classes (through
/// <see cref="ModelReflection"/>, the same view the loader binds with), so the schema that
/// editors use for completion and checking cannot drift from what the loader accepts. The
/// checked-in copy is <c>policies/schema/servicepolicy.schema.json</c>; a test compares it with
/// this output.
/// </summary>
public static class JsonSchemaGenerator
{
    public const string SchemaId = "https://raw.githubusercontent.com/servicepolicy/servicepolicy/main/policies/schema/servicepolicy.schema.json";

    /// <summary>The duration grammar of <see cref="DurationParser"/>: 30m, 4h, 2d, 1d12h, 1w, or hh:mm[:ss].</summary>
    public const string DurationPattern = @"^\s*(?=.*\d)(\d+\s*w)?\s*(\d+\s*d)?\s*(\d+\s*h)?\s*(\d+\s*m)?\s*(\d+\s*s)?\s*$|^\s*(\d+\.)?\d+:\d+(:\d+(\.\d+)?)?\s*$";

    /// <summary>The schema as JSON text, identical on every run.</summary>
    public static string Generate() => JsonWriter.Write(BuildSchema());

    private static JsonObject BuildSchema()
    {
        var definitions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var pending = new Queue<Type>();
        var root = new JsonObject()
            .Add("$schema", "https://json-schema.org/draft/2020-12/schema")
            .Add("$id", SchemaId)
            .Add("title", "ServicePolicy policy (" + Policy.CurrentApiVersion + ")");

        foreach (var member in ObjectSchema(typeof(Policy), pending).Members)
        {
            root.Add(member.Key, member.Value);
        }

        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!definitions.ContainsKey(type.Name))
            {
                definitions[type.Name] = new JsonObject(); // placeholder: stops a recursive type (Condition) from being queued again
                definitions[type.Name] = ObjectSchema(type, pending);
            }
        }

        var defs = new JsonObject();
        foreach (var pair in definitions)
        {
            defs.Add(pair.Key, pair.Value);
        }

        return root.Add("$defs", defs);
    }

    private static JsonObject ObjectSchema(Type type, Queue<Type> pending)
    {
        var schema = new JsonObject().Add("type", "object");
        var help = type.GetCustomAttribute<HelpAttribute>();
        if (help != null)
        {
            schema.Add("description", help.Text);
        }

        var defaults = Activator.CreateInstance(type);
        var properties = new JsonObject();
        var required = new List<object>();
        foreach (var key in ModelReflection.KeysOf(type))
        {
            properties.Add(key.Name, PropertySchema(type, key, defaults, pending));
            if (key.Required)
            {
                required.Add(key.Name);
            }
        }

        schema.Add("properties", properties);
        if (required.Count > 0)
        {
            schema.Add("required", required);
        }

        // The loader refuses keys it does not know (with a "did you mean"); so does the schema.
        schema.Add("additionalProperties", false);

        if (type == typeof(Condition))
        {
            // The validator's rule for conditions (ConditionChecker): exactly one form.
            schema.Add("oneOf", new List<object>
            {
                new JsonObject().Add("required", new List<object> { "all" }),
                new JsonObject().Add("required", new List<object> { "any" }),
                new JsonObject().Add("required", new List<object> { "not" }),
                new JsonObject().Add("required", new List<object> { "field" }),
            });
        }

        return schema;
    }

    private static JsonObject PropertySchema(Type owner, ModelKey key, object? defaults, Queue<Type> pending)
    {
        var schema = TypeSchema(key.Type, pending);
        if (key.AllowedValues != null)
        {
            schema.Add("enum", key.AllowedValues.Cast<object>().ToList());
        }
        else if (owner == typeof(Condition) && key.Name == "op")
        {
            schema.Add("enum", ConditionOperators.All.Cast<object>().ToList());
        }
        else if (owner == typeof(ActionDefinition) && key.Name == "fields")
        {
            schema = new JsonObject().Add("type", "object").Add("additionalProperties", new JsonObject().Add("enum", ActionCatalog.FieldTypeNames.Cast<object>().ToList()));
        }

        var withDescription = new JsonObject();
        if (key.Help.Length > 0)
        {
            withDescription.Add("description", key.Help);
        }

        foreach (var member in schema.Members)
        {
            withDescription.Add(member.Key, member.Value);
        }

        var defaultValue = DefaultOf(key, defaults);
        if (defaultValue != null)
        {
            withDescription.Add("default", defaultValue);
        }

        return withDescription;
    }

    private static JsonObject TypeSchema(Type type, Queue<Type> pending)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new JsonObject().Add("type", "string");
        }

        if (type == typeof(bool))
        {
            // The loader also reads yes / no.
            return new JsonObject().Add("enum", new List<object> { true, false, "yes", "no" });
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new JsonObject().Add("type", "integer");
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return new JsonObject().Add("type", "number");
        }

        if (type == typeof(TimeSpan))
        {
            return new JsonObject().Add("type", "string").Add("pattern", DurationPattern);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new JsonObject().Add("type", "string").Add("format", "date-time");
        }

        if (type.IsEnum)
        {
            return new JsonObject().Add("type", "string").Add("enum", ModelReflection.EnumNames(type).Cast<object>().ToList());
        }

        if (type == typeof(PolicyValue))
        {
            return new JsonObject(); // any YAML value: its shape is the author's
        }

        if (typeof(PolicyElement).IsAssignableFrom(type))
        {
            pending.Enqueue(type);
            return new JsonObject().Add("$ref", "#/$defs/" + type.Name);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = type.GetGenericArguments()[0];
            var array = new JsonObject().Add("type", "array").Add("items", TypeSchema(item, pending));
            if (item == typeof(string))
            {
                // A single word where a list is expected is read as a list of one (`action: data.share`).
                return new JsonObject().Add("anyOf", new List<object> { new JsonObject().Add("type", "string"), array });
            }

            return array;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return new JsonObject().Add("type", "object").Add("additionalProperties", TypeSchema(type.GetGenericArguments()[1], pending));
        }

        throw new NotSupportedException($"The schema generator does not know how to describe {type.Name}; teach JsonSchemaGenerator.TypeSchema about it.");
    }

    /// <summary>The value a key takes when it is left out, for scalars and lists of words that have a meaningful default.</summary>
    private static object? DefaultOf(ModelKey key, object? defaults)
    {
        if (defaults == null)
        {
            return null;
        }

        var value = key.Property.GetValue(defaults);
        switch (value)
        {
            case string text when text.Length > 0:
                return text;
            case bool flag:
                return flag;
            case Enum enumValue when !key.Required:
                return ModelReflection.KebabCase(enumValue.ToString());
            case List<string> words when words.Count > 0:
                return words.Cast<object>().ToList();
            default:
                return null;
        }
    }
}
