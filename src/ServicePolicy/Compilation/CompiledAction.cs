namespace ServicePolicy.Compilation;

using System.Collections.Concurrent;
using ServicePolicy.Core.Actions;
using ServicePolicy.Facts;
using ServicePolicy.Input;
using ServicePolicy.Values;

/// <summary>Everything needed to decide one action: its fields, rules, routing table and fact provider, compiled once.</summary>
internal sealed class CompiledAction
{
    private readonly ConcurrentDictionary<Type, Func<object, FieldValue>[]> _accessorsByType = new();
    private volatile TypeAccessors? _lastAccessors;

    public CompiledAction(ActionInfo info, FieldTable fields)
    {
        Info = info;
        Fields = fields;
        _build = Build;
    }

    private readonly Func<Type, Func<object, FieldValue>[]> _build;

    public ActionInfo Info { get; }

    public string Name => Info.Name;

    public FieldTable Fields { get; }

    /// <summary>The slots as an array (fixed once compiled), for indexing on the hot path.</summary>
    public FieldSlot[] SlotArray { get; private set; } = Array.Empty<FieldSlot>();

    /// <summary>Called when compilation of the action is complete: no slot is added after this.</summary>
    public void Freeze() => SlotArray = Fields.Slots.ToArray();

    public CompiledRule[] Rules { get; set; } = Array.Empty<CompiledRule>();

    public CompiledRouting? Routing { get; set; }

    public FactProvider? Facts { get; set; }

    /// <summary>Inputs without which the action cannot be decided (a missing one denies with engine.missing-field).</summary>
    public FieldSlot[] Required { get; set; } = Array.Empty<FieldSlot>();

    /// <summary>For decision contexts: the input.protected fact.</summary>
    public FieldSlot? ProtectedSlot { get; set; }

    /// <summary>For decision contexts: the result fact.</summary>
    public FieldSlot? ResultSlot { get; set; }

    /// <summary>True when an enabled rule of the policy tests input.protected; otherwise the engine refuses protected input itself.</summary>
    public bool RulesHandleProtected { get; set; }

    /// <summary>The accessors of the plain type seen last, when <paramref name="type"/> is that type.</summary>
    public Func<object, FieldValue>[]? TryGetLastAccessors(Type type)
    {
        var last = _lastAccessors;
        return last != null && last.Type == type ? last.Accessors : null;
    }

    /// <summary>Field accessors for a plain C# input type, one per slot (derived slots read nothing), compiled on first use of the type.</summary>
    public Func<object, FieldValue>[] AccessorsFor(Type type)
    {
        var last = _lastAccessors;
        if (last != null && last.Type == type)
        {
            return last.Accessors;
        }

        var accessors = _accessorsByType.GetOrAdd(type, _build);
        _lastAccessors = new TypeAccessors(type, accessors);
        return accessors;
    }

    private Func<object, FieldValue>[] Build(Type type) =>
        Fields.Slots.Select(slot => slot.Derived ? static _ => FieldValue.Missing : PocoAccessors.Get(type, slot.FieldPath, 0)).ToArray();

    private sealed class TypeAccessors
    {
        public TypeAccessors(Type type, Func<object, FieldValue>[] accessors)
        {
            Type = type;
            Accessors = accessors;
        }

        public Type Type { get; }

        public Func<object, FieldValue>[] Accessors { get; }
    }
}
