namespace ServicePolicy.Input;

using System.Globalization;
using ServicePolicy.Compilation;
using ServicePolicy.Core.Actions;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// Checks a field value read from the input before any rule sees it: a text no longer than the
/// policy's limit, a list of at most so many elements that are all plain values (text, number,
/// yes/no, date-time, duration; only texts in a field declared <c>list</c>, whose elements the
/// engine compares as names). A list is read at most one element past its limit, and a list
/// inside a list is refused without being entered, so a list that contains itself, lists nested
/// without end or an enumerable that never ends are refused in bounded time and stack.
/// </summary>
internal static class InputGuard
{
    /// <summary>How many wrong elements of one list are named in its violation.</summary>
    private const int NamedElements = 10;

    /// <summary>The value to evaluate: <paramref name="value"/> itself, a bounded copy of a list, or null when it is refused.</summary>
    public static FieldValue Check(in FieldValue value, FieldSlot field, InputLimits limits, EvaluationScope scope)
    {
        var path = field.Path;
        switch (value.Kind)
        {
            case ValueKind.Text:
                var length = ((string)value.Reference!).Length;
                if (length <= limits.MaxTextLength)
                {
                    return value;
                }

                ReportTooLong(path, length, limits, scope);
                return FieldValue.Null;
            case ValueKind.List:
                return CheckList(value, path, field.Type == FieldType.List, limits, scope);
            default:
                return value;
        }
    }

    private static FieldValue CheckList(in FieldValue value, string path, bool textsOnly, InputLimits limits, EvaluationScope scope)
    {
        // The list types inputs normally carry, already within the limits: no copy.
        switch (value.Reference)
        {
            case string[] texts when texts.Length <= limits.MaxListItems && TextsFit(texts, limits):
            case List<string> list when list.Count <= limits.MaxListItems && TextsFit(list, limits):
                return value;
        }

        var copy = new List<FieldValue>();
        List<string>? wrong = null;
        var wrongCount = 0;
        var longest = 0;
        var tooMany = false;
        try
        {
            foreach (var element in ListElements.Of(value))
            {
                if (copy.Count == limits.MaxListItems)
                {
                    tooMany = true;
                    break;
                }

                if ((copy.Count & 1023) == 1023)
                {
                    DecisionDeadline.ThrowIfPassed();
                }

                var problem = ProblemOf(element, textsOnly, limits, ref longest);
                if (problem != null)
                {
                    if (++wrongCount <= NamedElements)
                    {
                        (wrong ??= new List<string>()).Add($"[{copy.Count}] is {problem}");
                    }

                    copy.Add(FieldValue.Null);
                }
                else
                {
                    copy.Add(element);
                }
            }
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or DecisionBudgetExceededException))
        {
            // An enumerable of the application's own that throws while being read.
            scope.ReportInput(EngineRuleIds.BadInput, $"The list `{path}` could not be read ({ex.GetType().Name}).", $"Send `{path}` as an array or a list.");
            return FieldValue.Null;
        }

        if (tooMany)
        {
            scope.ReportInput(EngineRuleIds.InputTooLarge,
                $"The list `{path}` has more than {limits.MaxListItems.ToString("N0", CultureInfo.InvariantCulture)} elements, the most the policy accepts (limits.maxListItems).",
                $"Send a shorter `{path}`, or raise `limits.maxListItems` in the policy.");
        }

        if (longest > 0)
        {
            ReportTooLong(path + "[]", longest, limits, scope);
        }

        if (wrong != null)
        {
            var more = wrongCount > NamedElements ? $", and {wrongCount - NamedElements} more" : "";
            scope.ReportInput(EngineRuleIds.BadInput,
                $"The list `{path}` must hold only {(textsOnly ? "texts" : "values (texts, numbers, yes/no, dates, durations)")}: {string.Join("; ", wrong)}{more}.",
                $"Send each element of `{path}` as {(textsOnly ? "a text" : "a plain value")}; a list inside a list, an object or null is not accepted.");
        }

        return tooMany || wrong != null || longest > 0 ? FieldValue.Null : FieldValue.FromList(copy.ToArray());
    }

    /// <summary>Why an element is refused (null when it is a plain value); a too-long text is counted in <paramref name="longest"/>.</summary>
    private static string? ProblemOf(in FieldValue element, bool textsOnly, InputLimits limits, ref int longest)
    {
        switch (element.Kind)
        {
            case ValueKind.Text:
                var length = ((string)element.Reference!).Length;
                if (length > limits.MaxTextLength)
                {
                    longest = Math.Max(longest, length);
                }

                return null;
            case ValueKind.Number:
            case ValueKind.Bool:
            case ValueKind.DateTime:
            case ValueKind.Duration:
                return textsOnly ? EvaluationScope.Describe(element) : null;
            case ValueKind.List:
                return "a list";
            case ValueKind.Object:
                return "an object";
            default:
                return "null";
        }
    }

    private static bool TextsFit(IReadOnlyList<string> texts, InputLimits limits)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] == null || texts[i].Length > limits.MaxTextLength)
            {
                return false;
            }
        }

        return true;
    }

    private static void ReportTooLong(string path, int length, InputLimits limits, EvaluationScope scope) =>
        scope.ReportInput(EngineRuleIds.InputTooLarge,
            $"The field `{path}` holds {length.ToString("N0", CultureInfo.InvariantCulture)} characters; the policy accepts at most {limits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} (limits.maxTextLength).",
            $"Send a shorter `{path}`, or raise `limits.maxTextLength` in the policy.");
}
