namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Checks rule messages: every `{field}` must be a field of each action the rule applies to
/// (otherwise the customer-facing or audit text would show a hole), and braces must pair up.
/// `{{` and `}}` stand for literal braces.
/// </summary>
public static class TemplateChecks
{
    public static void Check(ValidationContext context, Rule rule)
    {
        var message = rule.Message;
        if (message.IndexOf('{') < 0 && message.IndexOf('}') < 0)
        {
            return;
        }

        var location = rule.LocationOf("message");
        var i = 0;
        while (i < message.Length)
        {
            var c = message[i];
            if ((c == '{' || c == '}') && i + 1 < message.Length && message[i + 1] == c)
            {
                i += 2;
                continue;
            }

            if (c == '}')
            {
                context.Error(PolicyErrorCodes.TemplateField, $"The message of rule `{rule.Id}` has a `}}` that closes nothing.", ValidationContext.LocationInScalar(location, message, i), "Write `}}` for a literal brace, or add the `{` that opens the field name.");
                i++;
                continue;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            var close = message.IndexOf('}', i + 1);
            var nextOpen = message.IndexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                context.Error(PolicyErrorCodes.TemplateField, $"The message of rule `{rule.Id}` opens a field name with `{{` that is never closed.", ValidationContext.LocationInScalar(location, message, i), "Close it with `}`, or write `{{` for a literal brace.");
                i++;
                continue;
            }

            var name = message.Substring(i + 1, close - i - 1).Trim();
            CheckField(context, rule, name, ValidationContext.LocationInScalar(location, message, i));
            i = close + 1;
        }
    }

    private static void CheckField(ValidationContext context, Rule rule, string name, SourceLocation location)
    {
        if (name.Length == 0)
        {
            context.Error(PolicyErrorCodes.TemplateField, $"The message of rule `{rule.Id}` has an empty `{{}}`.", location, "Put a field name between the braces, such as `{amount}`.");
            return;
        }

        foreach (var action in rule.Action)
        {
            if (!context.Actions.TryGetValue(action, out var info) || info.FindField(name) != null)
            {
                continue; // unknown actions are reported on their own
            }

            context.Error(
                PolicyErrorCodes.TemplateField,
                $"The message of rule `{rule.Id}` shows `{{{name}}}`, but `{name}` is not a field of the action `{action}`, so the message would have a hole.",
                location,
                NameSuggester.Hint(name, info.Fields.Select(f => f.Name)) ?? "Fields of `" + action + "`: " + string.Join(", ", info.Fields.Select(f => f.Name)) + ".");
            return;
        }
    }
}
