namespace ServicePolicy.Values;

using System.Collections;

/// <summary>
/// Walks the elements of a list value without allocating for the list types inputs normally carry
/// (arrays, <see cref="IList{T}"/> of text, non-generic lists, the engine's own fact buffers).
/// Other enumerables are walked through their enumerator.
/// </summary>
internal readonly struct ListElements
{
    private readonly object? _list;

    private ListElements(object? list) => _list = list;

    public static ListElements Of(in FieldValue value) => new(value.Kind == ValueKind.List ? value.Reference : null);

    public Enumerator GetEnumerator() => new(_list);

    public bool Any()
    {
        foreach (var unused in this)
        {
            return true;
        }

        return false;
    }

    public int Count()
    {
        var count = 0;
        foreach (var unused in this)
        {
            count++;
        }

        return count;
    }

    public struct Enumerator
    {
        private readonly string[]? _texts;
        private readonly FieldValue[]? _values;
        private readonly IReadOnlyList<string>? _textList;
        private readonly IList? _list;
        private readonly IEnumerator? _enumerator;
        private readonly int _count;
        private int _index;

        public Enumerator(object? list)
        {
            _texts = null;
            _values = null;
            _textList = null;
            _list = null;
            _enumerator = null;
            _index = -1;
            _count = 0;
            Current = default;
            switch (list)
            {
                case null:
                    break;
                case string[] texts:
                    _texts = texts;
                    _count = texts.Length;
                    break;
                case FieldValue[] values:
                    _values = values;
                    _count = values.Length;
                    break;
                case IReadOnlyList<string> textList:
                    _textList = textList;
                    _count = textList.Count;
                    break;
                case IList other:
                    _list = other;
                    _count = other.Count;
                    break;
                case IEnumerable enumerable:
                    _enumerator = enumerable.GetEnumerator();
                    break;
            }
        }

        public FieldValue Current { get; private set; }

        public bool MoveNext()
        {
            if (_enumerator != null)
            {
                if (!_enumerator.MoveNext())
                {
                    return false;
                }

                Current = FieldValue.FromObject(_enumerator.Current);
                return true;
            }

            if (++_index >= _count)
            {
                return false;
            }

            if (_texts != null)
            {
                Current = FieldValue.FromText(_texts[_index]);
            }
            else if (_values != null)
            {
                Current = _values[_index];
            }
            else if (_textList != null)
            {
                Current = FieldValue.FromText(_textList[_index]);
            }
            else
            {
                Current = FieldValue.FromObject(_list![_index]);
            }

            return true;
        }
    }
}
