namespace ServicePolicy.Compilation;

using System.Globalization;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Values;

/// <summary>A condition's constant, parsed once into every form a comparison may need.</summary>
internal sealed class Operand
{
    public Operand(string text, bool quoted)
    {
        Text = text;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            Number = number;
        }

        if (FieldValue.TryParseBool(text, out var flag))
        {
            Bool = flag;
        }

        // A plain number is not read as a date or a duration ("100" is not 100 days).
        if (Number == null && FieldValue.TryParseDateTicks(text, out var ticks) && text.Length >= 8)
        {
            DateTicks = ticks;
        }

        if (Number == null && DurationParser.TryParse(text, out var span))
        {
            DurationTicks = span.Ticks;
        }

        IsQuoted = quoted;
    }

    public string Text { get; }

    public bool IsQuoted { get; }

    public double? Number { get; }

    public bool? Bool { get; }

    public long? DateTicks { get; }

    public long? DurationTicks { get; }

    public static Operand FromScalar(PolicyValue value) =>
        new(value.Kind == PolicyValueKind.Scalar ? value.Scalar ?? "" : value.ToString(), value.IsQuoted);

    /// <summary>The constants of a value: the items of a list, or the value itself.</summary>
    public static Operand[] ListOf(PolicyValue? value)
    {
        if (value == null || value.Kind == PolicyValueKind.Null)
        {
            return Array.Empty<Operand>();
        }

        return value.Kind == PolicyValueKind.List
            ? value.Items.Where(i => i.Kind == PolicyValueKind.Scalar).Select(FromScalar).ToArray()
            : new[] { FromScalar(value) };
    }

    public override string ToString() => Text;
}
