namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Values;

/// <summary>
/// How a field value compares with a condition's constant. The declared field type decides the
/// comparison (number, yes-no, date-time, duration); for text and undeclared fields the value's own
/// kind does, and texts compare ignoring case. A value that cannot be read as the declared type sets
/// <c>wrongType</c>; the engine then denies with <c>engine.bad-input</c>.
/// </summary>
internal static class Comparisons
{
    public static bool Equal(in FieldValue value, Operand constant, FieldType? type, ref bool wrongType)
    {
        switch (type)
        {
            case FieldType.Number:
                if (!value.TryGetNumber(out var number))
                {
                    wrongType = true;
                    return false;
                }

                return constant.Number == number;
            case FieldType.YesNo:
                if (!value.TryGetBool(out var flag))
                {
                    wrongType = true;
                    return false;
                }

                return constant.Bool == flag;
            case FieldType.DateTime:
                if (!value.TryGetDateTicks(out var ticks))
                {
                    wrongType = true;
                    return false;
                }

                return constant.DateTicks == ticks;
            case FieldType.Duration:
                if (!value.TryGetDurationTicks(out var duration))
                {
                    wrongType = true;
                    return false;
                }

                return constant.DurationTicks == duration;
            default:
                return EqualByKind(value, constant);
        }
    }

    private static bool EqualByKind(in FieldValue value, Operand constant)
    {
        switch (value.Kind)
        {
            case ValueKind.Text:
                return string.Equals((string)value.Reference!, constant.Text, StringComparison.OrdinalIgnoreCase);
            case ValueKind.Number:
                return constant.Number == value.Number;
            case ValueKind.Bool:
                return constant.Bool == value.Bool;
            case ValueKind.DateTime:
                return constant.DateTicks == value.Ticks;
            case ValueKind.Duration:
                return constant.DurationTicks == value.Ticks;
            default:
                return false;
        }
    }

    /// <summary>Orders a value against a constant; null when they cannot be ordered (wrongType is then set).</summary>
    public static int? Compare(in FieldValue value, Operand constant, FieldType? type, ref bool wrongType)
    {
        var kind = type switch
        {
            FieldType.Number => ValueKind.Number,
            FieldType.DateTime => ValueKind.DateTime,
            FieldType.Duration => ValueKind.Duration,
            _ => value.Kind switch
            {
                ValueKind.DateTime or ValueKind.Duration or ValueKind.Number => value.Kind,
                _ => constant.Number != null ? ValueKind.Number
                    : constant.DateTicks != null ? ValueKind.DateTime
                    : constant.DurationTicks != null ? ValueKind.Duration
                    : ValueKind.Missing,
            },
        };

        switch (kind)
        {
            case ValueKind.Number when constant.Number is { } limit && value.TryGetNumber(out var number):
                return number.CompareTo(limit);
            case ValueKind.DateTime when constant.DateTicks is { } limit && value.TryGetDateTicks(out var ticks):
                return ticks.CompareTo(limit);
            case ValueKind.Duration when constant.DurationTicks is { } limit && value.TryGetDurationTicks(out var duration):
                return duration.CompareTo(limit);
            default:
                wrongType = true;
                return null;
        }
    }

    public static bool EqualsAny(in FieldValue value, Operand[] constants, FieldType? type, ref bool wrongType)
    {
        if (value.Kind == ValueKind.List)
        {
            foreach (var element in ListElements.Of(value))
            {
                foreach (var constant in constants)
                {
                    if (Equal(element, constant, ElementType(type), ref wrongType))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        foreach (var constant in constants)
        {
            if (Equal(value, constant, type, ref wrongType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>contains: a list has an element equal to one of the constants; a text has one of them as a substring.</summary>
    public static bool Contains(in FieldValue value, Operand[] constants, FieldType? type, ref bool wrongType)
    {
        if (value.Kind == ValueKind.List)
        {
            return EqualsAny(value, constants, type, ref wrongType);
        }

        if (value.Kind != ValueKind.Text)
        {
            wrongType = true;
            return false;
        }

        var text = (string)value.Reference!;
        foreach (var constant in constants)
        {
            if (text.IndexOf(constant.Text, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static bool StartsOrEndsWith(in FieldValue value, Operand constant, bool starts, ref bool wrongType)
    {
        if (value.Kind == ValueKind.List)
        {
            foreach (var element in ListElements.Of(value))
            {
                if (element.Kind == ValueKind.Text && StartsOrEndsWith(element, constant, starts, ref wrongType))
                {
                    return true;
                }
            }

            return false;
        }

        if (value.Kind != ValueKind.Text)
        {
            wrongType = true;
            return false;
        }

        var text = (string)value.Reference!;
        return starts
            ? text.StartsWith(constant.Text, StringComparison.OrdinalIgnoreCase)
            : text.EndsWith(constant.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A list's elements are compared as text unless the list was declared otherwise.</summary>
    private static FieldType? ElementType(FieldType? listType) => listType == FieldType.List ? null : listType;
}
