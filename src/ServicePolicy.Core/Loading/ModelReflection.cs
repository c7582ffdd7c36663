namespace ServicePolicy.Core.Loading;

using System.Collections.Concurrent;
using System.Reflection;
using ServicePolicy.Core.Model;

/// <summary>
/// The YAML shape of the model, read from the model classes themselves: the binder, the JSON
/// Schema generator and the format reference all use this, so the three cannot drift apart.
/// </summary>
public static class ModelReflection
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ModelKey>> Cache = new();

    public static IReadOnlyList<ModelKey> KeysOf(Type type) => Cache.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.DeclaringType != typeof(PolicyElement) && p.Name != nameof(Policy.SourceFiles))
            .OrderBy(p => p.MetadataToken)
            .Select(p => new ModelKey(p))
            .ToList());

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, ModelKey>> MapCache = new();

    /// <summary>The keys of a model class by their YAML name.</summary>
    public static IReadOnlyDictionary<string, ModelKey> KeyMap(Type type) => MapCache.GetOrAdd(type, t =>
        KeysOf(t).ToDictionary(k => k.Name, StringComparer.Ordinal));

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>PascalCase to kebab-case: RequireApproval becomes require-approval.</summary>
    public static string KebabCase(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    chars.Add('-');
                }

                chars.Add(char.ToLowerInvariant(c));
            }
            else
            {
                chars.Add(c);
            }
        }

        return new string(chars.ToArray());
    }

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> EnumNameCache = new();
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> EnumValueCache = new();

    /// <summary>The YAML names of an enum's members, in declaration order.</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) => EnumNameCache.GetOrAdd(enumType, t =>
        Enum.GetNames(t).Select(KebabCase).ToList());

    /// <summary>The (boxed) member of an enum written as <paramref name="yamlName"/>, or null.</summary>
    public static object? ParseEnum(Type enumType, string yamlName)
    {
        var values = EnumValueCache.GetOrAdd(enumType, t =>
        {
            var map = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var name in Enum.GetNames(t))
            {
                map[KebabCase(name)] = Enum.Parse(t, name);
            }

            return map;
        });
        return values.TryGetValue(yamlName, out var value) ? value : null;
    }
}

/// <summary>One key of a model class.</summary>
public sealed class ModelKey
{
    public ModelKey(PropertyInfo property)
    {
        Property = property;
        Name = ModelReflection.CamelCase(property.Name);
        Required = property.GetCustomAttribute<RequiredKeyAttribute>() != null;
        var help = property.GetCustomAttribute<HelpAttribute>();
        Help = help?.Text ?? "";
        Example = help?.Example;
        AllowedValues = property.GetCustomAttribute<AllowedValuesAttribute>()?.Values;
    }

    private Action<object, object?>? _setter;

    public PropertyInfo Property { get; }
    public string Name { get; }
    public bool Required { get; }
    public string Help { get; }
    public string? Example { get; }
    public IReadOnlyList<string>? AllowedValues { get; }
    public Type Type => Property.PropertyType;

    /// <summary>
    /// Sets the key's property on a model object. Compiled once per key: reflection's SetValue
    /// was the largest cost of binding a large policy. Where code cannot be compiled at run time,
    /// it falls back to reflection.
    /// </summary>
    public void SetValue(object target, object? value) => (_setter ??= CompileSetter(Property))(target, value);

    private static Action<object, object?> CompileSetter(PropertyInfo property)
    {
        try
        {
            var target = System.Linq.Expressions.Expression.Parameter(typeof(object), "target");
            var value = System.Linq.Expressions.Expression.Parameter(typeof(object), "value");
            var assign = System.Linq.Expressions.Expression.Assign(
                System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(target, property.DeclaringType!), property),
                System.Linq.Expressions.Expression.Convert(value, property.PropertyType));
            return System.Linq.Expressions.Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or PlatformNotSupportedException)
        {
            return property.SetValue;
        }
    }
}
