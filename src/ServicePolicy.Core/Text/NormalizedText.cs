namespace ServicePolicy.Core.Text;

/// <summary>
/// The normalised form of a text, with a map from every normalised character back to the span of
/// the original text it came from, so that a match found in the normalised form can be reported
/// (and underlined by an analyzer) in the text as the user wrote it.
/// </summary>
/// <remarks>
/// Instances are reusable buffers: <see cref="TextNormalizer.Normalize(string, NormalizedText)"/>
/// overwrites the previous content and only grows the arrays when a longer text comes along, so
/// a caller that keeps one instance per thread normalises without allocating.
/// </remarks>
public sealed class NormalizedText
{
    private char[] _chars;
    private int[] _starts;
    private int[] _ends;
    private string? _text;

    public NormalizedText(int capacity = 256)
    {
        capacity = Math.Max(capacity, 16);
        _chars = new char[capacity];
        _starts = new int[capacity];
        _ends = new int[capacity];
    }

    /// <summary>Number of normalised characters.</summary>
    public int Length { get; private set; }

    /// <summary>The original text that was normalised.</summary>
    public string Original { get; private set; } = "";

    /// <summary>The normalised characters; only the first <see cref="Length"/> are meaningful.</summary>
    internal char[] Chars => _chars;

    /// <summary>The normalised character at <paramref name="index"/>.</summary>
    public char this[int index] => index >= 0 && index < Length ? _chars[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The normalised text as a string (created on first use, then cached until the next normalisation).</summary>
    public string Text => _text ??= new string(_chars, 0, Length);

    /// <summary>Index in the original text of the character that produced normalised character <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => _starts[index];

    /// <summary>End (exclusive) in the original text of the character(s) that produced normalised character <paramref name="index"/>.</summary>
    public int OriginalEnd(int index) => _ends[index];

    /// <summary>
    /// The span of the original text that produced normalised characters [<paramref name="start"/>,
    /// <paramref name="start"/> + <paramref name="length"/>).
    /// </summary>
    public void MapToOriginal(int start, int length, out int originalStart, out int originalLength)
    {
        if (Length == 0 || length <= 0)
        {
            originalStart = Length == 0 ? 0 : _starts[Math.Min(Math.Max(start, 0), Length - 1)];
            originalLength = 0;
            return;
        }

        var first = Math.Min(Math.Max(start, 0), Length - 1);
        var last = Math.Min(start + length - 1, Length - 1);
        originalStart = _starts[first];
        originalLength = Math.Max(0, _ends[last] - originalStart);
    }

    internal void Reset(string original, int expectedLength)
    {
        Original = original;
        Length = 0;
        _text = null;
        if (_chars.Length < expectedLength)
        {
            Grow(expectedLength);
        }
    }

    internal void Append(char c, int originalStart, int originalEnd)
    {
        if (Length == _chars.Length)
        {
            Grow(Length * 2);
        }

        _chars[Length] = c;
        _starts[Length] = originalStart;
        _ends[Length] = originalEnd;
        Length++;
    }

    /// <summary>The last normalised character, or '\0' when there is none.</summary>
    internal char Last => Length == 0 ? '\0' : _chars[Length - 1];

    /// <summary>Lets the last character also cover a following mark that was dropped (an accent typed as a separate character).</summary>
    internal void ExtendLast(int originalEnd)
    {
        if (Length > 0 && _ends[Length - 1] < originalEnd)
        {
            _ends[Length - 1] = originalEnd;
        }
    }

    /// <summary>Replaces the character at <paramref name="index"/>, keeping where it came from.</summary>
    internal void Replace(int index, char c)
    {
        _chars[index] = c;
        _text = null;
    }

    /// <summary>Copies character <paramref name="from"/> (and where it came from) to <paramref name="to"/>, an earlier index.</summary>
    internal void MoveTo(int from, int to)
    {
        _chars[to] = _chars[from];
        _starts[to] = _starts[from];
        _ends[to] = _ends[from];
    }

    /// <summary>Drops every character from <paramref name="length"/> on.</summary>
    internal void Truncate(int length)
    {
        Length = length;
        _text = null;
    }

    private void Grow(int minimum)
    {
        var size = Math.Max(minimum, _chars.Length * 2);
        Array.Resize(ref _chars, size);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _ends, size);
    }
}
