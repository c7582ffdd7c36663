namespace ServicePolicy.Input;

using System.Collections;
using System.Text.Json;
using ServicePolicy.Values;

/// <summary>
/// Reads a dotted field path from any input shape: dictionaries (nested, or with literal dotted
/// keys), JSON, and plain objects (through accessors compiled once per type).
/// </summary>
internal static class InputWalker
{
    public static FieldValue Walk(object? node, FieldPath path, int start)
    {
        var i = start;
        while (true)
        {
            if (i == path.Segments.Length)
            {
                return FieldValue.FromObject(node);
            }

            switch (node)
            {
                case null:
                    return FieldValue.Missing;
                case IDictionary<string, object?> dictionary:
                    if (i < path.Segments.Length - 1 && dictionary.TryGetValue(path.Suffixes[i], out var literal))
                    {
                        return FieldValue.FromObject(literal);
                    }

                    if (!dictionary.TryGetValue(path.Segments[i], out node))
                    {
                        return FieldValue.Missing;
                    }

                    break;
                case IReadOnlyDictionary<string, object?> readOnly:
                    if (i < path.Segments.Length - 1 && readOnly.TryGetValue(path.Suffixes[i], out var readOnlyLiteral))
                    {
                        return FieldValue.FromObject(readOnlyLiteral);
                    }

                    if (!readOnly.TryGetValue(path.Segments[i], out node))
                    {
                        return FieldValue.Missing;
                    }

                    break;
                case IDictionary untyped:
                    if (i < path.Segments.Length - 1 && untyped.Contains(path.Suffixes[i]))
                    {
                        return FieldValue.FromObject(untyped[path.Suffixes[i]]);
                    }

                    if (!untyped.Contains(path.Segments[i]))
                    {
                        return FieldValue.Missing;
                    }

                    node = untyped[path.Segments[i]];
                    break;
                case JsonElement element:
                    return JsonInput.Walk(element, path, i);
                case JsonDocument document:
                    return JsonInput.Walk(document.RootElement, path, i);
                case string or IEnumerable:
                case ValueType when IsScalar(node.GetType()):
                    // A text, a list or a number has no fields.
                    return FieldValue.Missing;
                default:
                    return PocoAccessors.Get(node.GetType(), path, i)(node);
            }

            i++;
        }
    }

    /// <summary>Numbers, dates, enums and other framework values: they have no fields (a struct of your own has).</summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true;

    /// <summary>Types whose fields are only known at run time, walked by <see cref="Walk"/> rather than compiled.</summary>
    public static bool IsDynamicContainer(Type type) =>
        type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonDocument)
        || typeof(IDictionary).IsAssignableFrom(type)
        || typeof(IDictionary<string, object?>).IsAssignableFrom(type)
        || typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(type)
        || type.IsInterface || type.IsAbstract;
}
