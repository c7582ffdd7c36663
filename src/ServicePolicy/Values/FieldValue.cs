namespace ServicePolicy.Values;

using System.Collections;
using System.Globalization;
using ServicePolicy.Core.Loading;

/// <summary>What kind of value a field holds at evaluation time.</summary>
internal enum ValueKind : byte
{
    /// <summary>The input has no such field.</summary>
    Missing,

    /// <summary>The field is there, with no value.</summary>
    Null,
    Bool,
    Number,
    Text,
    DateTime,
    Duration,
    List,

    /// <summary>A nested object (POCO, dictionary or JSON object).</summary>
    Object,
}

/// <summary>
/// One field's value, read from the caller's input or derived by the engine. A struct so that
/// numbers, dates and durations read from plain C# objects are never boxed on the hot path.
/// </summary>
internal readonly struct FieldValue
{
    public static readonly FieldValue Missing = default;
    public static readonly FieldValue Null = new(ValueKind.Null, 0, 0, null);
    public static readonly FieldValue True = new(ValueKind.Bool, 1, 0, null);
    public static readonly FieldValue False = new(ValueKind.Bool, 0, 0, null);

    /// <summary>An empty list (shared: list facts that found nothing).</summary>
    public static readonly FieldValue EmptyList = new(ValueKind.List, 0, 0, Array.Empty<string>());

    private FieldValue(ValueKind kind, double number, long ticks, object? reference)
    {
        Kind = kind;
        Number = number;
        Ticks = ticks;
        Reference = reference;
    }

    public ValueKind Kind { get; }

    /// <summary>The number, or 1/0 for a yes-no value.</summary>
    public double Number { get; }

    /// <summary>UTC ticks of a date-time, or the ticks of a duration.</summary>
    public long Ticks { get; }

    /// <summary>The text, the list (an <see cref="IEnumerable"/>) or the nested object.</summary>
    public object? Reference { get; }

    public bool IsMissingOrNull => Kind <= ValueKind.Null;

    public bool Bool => Number != 0;

    public string? Text => Reference as string;

    public static FieldValue FromBool(bool value) => value ? True : False;

    public static FieldValue FromNumber(double value) => new(ValueKind.Number, value, 0, null);

    public static FieldValue FromDecimal(decimal value) => new(ValueKind.Number, (double)value, 0, null);

    public static FieldValue FromText(string? value) => value == null ? Null : new(ValueKind.Text, 0, 0, value);

    public static FieldValue FromDateTime(DateTimeOffset value) => new(ValueKind.DateTime, 0, value.UtcTicks, null);

    /// <summary>A <see cref="System.DateTime"/> of unspecified kind is taken as UTC.</summary>
    public static FieldValue FromDateTime(DateTime value) =>
        new(ValueKind.DateTime, 0, value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks, null);

    public static FieldValue FromDuration(TimeSpan value) => new(ValueKind.Duration, 0, value.Ticks, null);

    public static FieldValue FromList(IEnumerable? value) => value == null ? Null : new(ValueKind.List, 0, 0, value);

    public static FieldValue FromNestedObject(object value) => new(ValueKind.Object, 0, 0, value);

    public static FieldValue FromEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => new(ValueKind.Text, 0, 0, value.ToString());

    /// <summary>Converts any .NET value (boxed or not) to a field value.</summary>
    public static FieldValue FromObject(object? value) => value switch
    {
        null => Null,
        string text => new(ValueKind.Text, 0, 0, text),
        string[] texts => new(ValueKind.List, 0, 0, texts),
        List<string> texts => new(ValueKind.List, 0, 0, texts),
        bool flag => FromBool(flag),
        int number => FromNumber(number),
        long number => FromNumber(number),
        double number => FromNumber(number),
        decimal number => FromDecimal(number),
        float number => FromNumber(number),
        short number => FromNumber(number),
        byte number => FromNumber(number),
        uint number => FromNumber(number),
        ulong number => FromNumber(number),
        DateTimeOffset time => FromDateTime(time),
        DateTime time => FromDateTime(time),
        TimeSpan span => FromDuration(span),
        Enum member => new(ValueKind.Text, 0, 0, member.ToString()),
        System.Text.Json.JsonElement element => Input.JsonInput.ToFieldValue(element),
        System.Text.Json.JsonDocument document => Input.JsonInput.ToFieldValue(document.RootElement),
        Guid id => new(ValueKind.Text, 0, 0, id.ToString()),
        char character => new(ValueKind.Text, 0, 0, character.ToString()),
        IDictionary or IReadOnlyDictionary<string, object?> => FromNestedObject(value),
        IEnumerable list => FromList(list),
        _ => FromNestedObject(value),
    };

    /// <summary>Reads the value as a number: numbers, and texts that are numbers.</summary>
    public bool TryGetNumber(out double number)
    {
        switch (Kind)
        {
            case ValueKind.Number:
                number = Number;
                return true;
            case ValueKind.Text:
                return double.TryParse((string)Reference!, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Reads the value as yes/no: booleans, and the texts true/false/yes/no.</summary>
    public bool TryGetBool(out bool value)
    {
        switch (Kind)
        {
            case ValueKind.Bool:
                value = Bool;
                return true;
            case ValueKind.Text:
                return TryParseBool((string)Reference!, out value);
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Reads the value as UTC ticks of a date-time: dates, and ISO 8601 texts.</summary>
    public bool TryGetDateTicks(out long ticks)
    {
        switch (Kind)
        {
            case ValueKind.DateTime:
                ticks = Ticks;
                return true;
            case ValueKind.Text:
                return TryParseDateTicks((string)Reference!, out ticks);
            default:
                ticks = 0;
                return false;
        }
    }

    /// <summary>Reads the value as the ticks of a duration: durations, and texts such as 4h or 1d12h.</summary>
    public bool TryGetDurationTicks(out long ticks)
    {
        switch (Kind)
        {
            case ValueKind.Duration:
                ticks = Ticks;
                return true;
            case ValueKind.Text when DurationParser.TryParse((string)Reference!, out var span):
                ticks = span.Ticks;
                return true;
            default:
                ticks = 0;
                return false;
        }
    }

    public static bool TryParseBool(string text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryParseDateTicks(string text, out long ticks)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            ticks = time.UtcTicks;
            return true;
        }

        ticks = 0;
        return false;
    }

    /// <summary>The value as text for comparisons with text (numbers in invariant culture).</summary>
    public string? AsText() => Kind switch
    {
        ValueKind.Text => (string)Reference!,
        ValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ValueKind.Bool => Bool ? "true" : "false",
        ValueKind.DateTime => new DateTimeOffset(Ticks, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        ValueKind.Duration => FormatDuration(Ticks),
        _ => null,
    };

    /// <summary>A duration as policies write it (2d4h30m); under a second reads "0s", a negative one starts with "-".</summary>
    public static string FormatDuration(long ticks)
    {
        if (ticks < 0)
        {
            return "-" + FormatDuration(ticks == long.MinValue ? long.MaxValue : -ticks);
        }

        var whole = TimeSpan.FromSeconds(Math.Floor(new TimeSpan(ticks).TotalSeconds));
        return whole == TimeSpan.Zero ? "0s" : DurationParser.Format(whole);
    }

    /// <summary>How the value is shown in messages and explanations (never called for redacted fields).</summary>
    public string ToDisplayString()
    {
        switch (Kind)
        {
            case ValueKind.Missing:
                return "(missing)";
            case ValueKind.Null:
                return "(null)";
            case ValueKind.DateTime:
                return new DateTimeOffset(Ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            case ValueKind.List:
                var items = new List<string>();
                foreach (var item in ListElements.Of(this))
                {
                    items.Add(item.ToDisplayString());
                    if (items.Count == 20)
                    {
                        items.Add("...");
                        break;
                    }
                }

                return "[" + string.Join(", ", items) + "]";
            case ValueKind.Object:
                return "{...}";
            default:
                return AsText() ?? "";
        }
    }

    /// <summary>A plain .NET value for obligation details and test output.</summary>
    public object? ToPlainObject()
    {
        switch (Kind)
        {
            case ValueKind.Missing:
            case ValueKind.Null:
                return null;
            case ValueKind.Bool:
                return Bool;
            case ValueKind.Number:
                return Number;
            case ValueKind.Text:
                return Reference;
            case ValueKind.DateTime:
                return new DateTimeOffset(Ticks, TimeSpan.Zero);
            case ValueKind.Duration:
                return new TimeSpan(Ticks);
            case ValueKind.List:
                var items = new List<object?>(Reference switch { List<string> buffer => buffer.Count, string[] texts => texts.Length, _ => 4 });
                foreach (var item in ListElements.Of(this))
                {
                    items.Add(item.ToPlainObject());
                }

                return items;
            default:
                return ToDisplayString();
        }
    }

    /// <summary>True for empty text, an empty list, a missing or a null value.</summary>
    public bool IsEmpty()
    {
        switch (Kind)
        {
            case ValueKind.Missing:
            case ValueKind.Null:
                return true;
            case ValueKind.Text:
                return ((string)Reference!).Length == 0;
            case ValueKind.List:
                // The engine's own fact buffers and string arrays first: no enumerator needed.
                return Reference switch
                {
                    List<string> buffer => buffer.Count == 0,
                    string[] texts => texts.Length == 0,
                    _ => !ListElements.Of(this).Any(),
                };
            default:
                return false;
        }
    }
}
