namespace ServicePolicy.Input;

using System.Text.Json;
using ServicePolicy.Values;

/// <summary>Reads fields from <see cref="JsonElement"/> input.</summary>
internal static class JsonInput
{
    public static FieldValue ToFieldValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return FieldValue.FromText(element.GetString());
            case JsonValueKind.Number:
                return FieldValue.FromNumber(element.GetDouble());
            case JsonValueKind.True:
                return FieldValue.True;
            case JsonValueKind.False:
                return FieldValue.False;
            case JsonValueKind.Null:
                return FieldValue.Null;
            case JsonValueKind.Array:
                var items = new FieldValue[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    // A nested array stays unread (the input guard refuses it): converting it here
                    // would recurse once per level of nesting.
                    items[index++] = item.ValueKind == JsonValueKind.Array ? FieldValue.FromList(item.EnumerateArray()) : ToFieldValue(item);
                }

                return FieldValue.FromList(items);
            case JsonValueKind.Object:
                return FieldValue.FromNestedObject(element);
            default:
                return FieldValue.Missing;
        }
    }

    /// <summary>Follows <paramref name="path"/> from segment <paramref name="start"/>; a literal dotted property name is tried first.</summary>
    public static FieldValue Walk(JsonElement element, FieldPath path, int start)
    {
        for (var i = start; i < path.Segments.Length; i++)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return FieldValue.Missing;
            }

            if (i < path.Segments.Length - 1 && element.TryGetProperty(path.Suffixes[i], out var literal))
            {
                return ToFieldValue(literal);
            }

            if (!element.TryGetProperty(path.Segments[i], out element))
            {
                return FieldValue.Missing;
            }
        }

        return ToFieldValue(element);
    }
}
