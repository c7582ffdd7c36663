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

    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(KebabCase).ToList();
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

    public PropertyInfo Property { get; }
    public string Name { get; }
    public bool Required { get; }
    public string Help { get; }
    public string? Example { get; }
    public IReadOnlyList<string>? AllowedValues { get; }
    public Type Type => Property.PropertyType;
}
