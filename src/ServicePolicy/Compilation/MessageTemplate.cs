namespace ServicePolicy.Compilation;

using System.Text;
using ServicePolicy.Evaluation;

/// <summary>
/// A rule's message with its <c>{field}</c> placeholders resolved to slots at compile time. Rendered
/// only when the rule fires; personal values are rendered as ***.
/// </summary>
internal sealed class MessageTemplate
{
    private readonly string[] _literals;
    private readonly FieldSlot?[] _fields;

    private MessageTemplate(string[] literals, FieldSlot?[] fields)
    {
        _literals = literals;
        _fields = fields;
    }

    public IEnumerable<FieldSlot> Fields => _fields.Where(f => f != null)!;

    /// <summary>
    /// Reads <c>{field}</c> placeholders; <c>{{</c> and <c>}}</c> are literal braces (the validator's
    /// grammar). A stray brace the validator would refuse is kept as text rather than failing here.
    /// </summary>
    public static MessageTemplate Compile(string template, FieldTable table)
    {
        var literals = new List<string>();
        var fields = new List<FieldSlot?>();
        var text = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i += 2;
                continue;
            }

            if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                var name = close < 0 ? "" : template.Substring(i + 1, close - i - 1).Trim();
                if (name.Length > 0 && name.IndexOfAny(new[] { '{', ' ' }) < 0)
                {
                    literals.Add(text.ToString());
                    fields.Add(table.Slot(name));
                    text.Clear();
                    i = close + 1;
                    continue;
                }
            }

            text.Append(c);
            i++;
        }

        literals.Add(text.ToString());
        fields.Add(null);
        return new MessageTemplate(literals.ToArray(), fields.ToArray());
    }

    public string Render(EvaluationScope scope)
    {
        if (_literals.Length == 1)
        {
            return _literals[0];
        }

        // The scope's builder: only the finished message is allocated.
        var text = scope.Text;
        text.Clear();
        for (var i = 0; i < _literals.Length; i++)
        {
            text.Append(_literals[i]);
            var field = _fields[i];
            if (field != null)
            {
                ref readonly var value = ref scope.Get(field.Index);
                if (field.Personal && !value.IsMissingOrNull)
                {
                    text.Append("***");
                }
                else if (value.Kind == Values.ValueKind.List)
                {
                    AppendList(text, value);
                }
                else if (value.IsMissingOrNull)
                {
                    // A message reads as a sentence: name what was not given rather than "(missing)".
                    text.Append('(').Append(field.Path).Append(" not given)");
                }
                else
                {
                    text.Append(value.ToDisplayString());
                }
            }
        }

        var message = text.ToString();
        text.Clear();
        return message;
    }

    /// <summary>Lists read better in a sentence without brackets: "marketing, analytics".</summary>
    private static void AppendList(StringBuilder text, in Values.FieldValue value)
    {
        var count = 0;
        foreach (var item in Values.ListElements.Of(value))
        {
            if (count++ > 0)
            {
                text.Append(", ");
            }

            text.Append(item.ToDisplayString());
        }

        if (count == 0)
        {
            text.Append("(none)");
        }
    }
}
