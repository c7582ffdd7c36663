namespace ServicePolicy.Core.Schema;

using System.Collections;
using System.Globalization;
using System.Text;

/// <summary>
/// A small deterministic JSON writer (two-space indentation, "\n" line ends, keys in insertion
/// order), enough for the schema; netstandard2.0 has no JSON library and the Core package
/// should not need one.
/// </summary>
internal static class JsonWriter
{
    public static string Write(object value)
    {
        var builder = new StringBuilder();
        WriteValue(builder, value, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void WriteValue(StringBuilder builder, object value, int indent)
    {
        switch (value)
        {
            case string text:
                WriteString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonObject obj:
                WriteObject(builder, obj, indent);
                break;
            case IEnumerable items:
                WriteArray(builder, items.Cast<object>().ToList(), indent);
                break;
            default:
                throw new ArgumentException("Unsupported JSON value: " + value.GetType().Name, nameof(value));
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int indent)
    {
        if (obj.Members.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        for (var i = 0; i < obj.Members.Count; i++)
        {
            var member = obj.Members[i];
            builder.Append(' ', (indent + 1) * 2);
            WriteString(builder, member.Key);
            builder.Append(": ");
            WriteValue(builder, member.Value, indent + 1);
            builder.Append(i < obj.Members.Count - 1 ? ",\n" : "\n");
        }

        builder.Append(' ', indent * 2).Append('}');
    }

    private static void WriteArray(StringBuilder builder, List<object> items, int indent)
    {
        // Arrays of plain values stay on one line ("enum": ["a", "b"]); arrays of objects do not.
        if (items.All(i => i is not JsonObject))
        {
            builder.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                WriteValue(builder, items[i], indent);
            }

            builder.Append(']');
            return;
        }

        builder.Append("[\n");
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(' ', (indent + 1) * 2);
            WriteValue(builder, items[i], indent + 1);
            builder.Append(i < items.Count - 1 ? ",\n" : "\n");
        }

        builder.Append(' ', indent * 2).Append(']');
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
