namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Input;

/// <summary>A field an action's rules, routes, messages or fact providers read, with its slot in the evaluation scope.</summary>
internal sealed class FieldSlot
{
    public FieldSlot(int index, string path, ActionField? declared, bool personal)
    {
        Index = index;
        Path = path;
        FieldPath = new FieldPath(path);
        Declared = declared;
        Personal = personal;
        Derived = declared?.Derived == true;
        Type = declared?.Type;
    }

    public int Index { get; }

    public string Path { get; }

    public FieldPath FieldPath { get; }

    /// <summary>The field as the action catalog (or the policy's own actions) declares it; null for an undeclared field.</summary>
    public ActionField? Declared { get; }

    /// <summary>Computed by the engine rather than read from the input (kept as a field: read on every resolution).</summary>
    public bool Derived { get; }

    public FieldType? Type { get; }

    /// <summary>Personal data, a protected attribute or a proxy: its value is shown as *** in messages, explanations and logs.</summary>
    public bool Personal { get; }
}

/// <summary>The fields of one action, numbered once at compile time so that evaluation reads them by index.</summary>
internal sealed class FieldTable
{
    private readonly Dictionary<string, FieldSlot> _byPath = new(StringComparer.Ordinal);
    private readonly List<FieldSlot> _slots = new();
    private readonly ActionInfo _action;
    private readonly FieldClassifier _classifier;

    public FieldTable(ActionInfo action, FieldClassifier classifier)
    {
        _action = action;
        _classifier = classifier;
    }

    public IReadOnlyList<FieldSlot> Slots => _slots;

    public int Count => _slots.Count;

    /// <summary>The slot of a path, created on first use.</summary>
    public FieldSlot Slot(string path)
    {
        if (!_byPath.TryGetValue(path, out var slot))
        {
            var declared = _action.FindField(path);
            var personal = declared?.Derived != true && _classifier.IsPersonal(path);
            slot = new FieldSlot(_slots.Count, path, declared, personal);
            _byPath.Add(path, slot);
            _slots.Add(slot);
        }

        return slot;
    }

    public FieldSlot? Find(string path) => _byPath.TryGetValue(path, out var slot) ? slot : null;
}
