namespace ServicePolicy.Evaluation;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Text;
using ServicePolicy.Input;
using ServicePolicy.Values;

/// <summary>How the input is read.</summary>
internal enum InputShape
{
    None,
    Poco,
    Walked,
    Invalid,
}

/// <summary>
/// The working state of one evaluation: field values resolved lazily into slots, derived facts,
/// the rules that fired, and (when explaining) the trace. Scopes are reused per thread, so the
/// hot path allocates nothing; a scope is never shared between threads.
/// </summary>
internal sealed class EvaluationScope
{
    [ThreadStatic]
    private static EvaluationScope? t_spare;

    private FieldValue[] _values = new FieldValue[16];
    private bool[] _resolved = new bool[16];
    private List<string>?[] _buffers = new List<string>?[16];
    private Func<object, FieldValue>[]? _accessors;
    private bool _factsComputed;
    private DateTimeOffset? _now;

    public CompiledAction Action { get; private set; } = null!;

    public object? Input { get; private set; }

    public InputShape Shape { get; private set; }

    public IConsentStore Consents { get; private set; } = null!;

    private DecisionClock _clock = null!;

    /// <summary>The moment the decision is taken: the context's time, or the engine's clock read once.</summary>
    public DateTimeOffset Now => _now ??= _clock.GetUtcNow();

    public List<TraceLine>? Trace { get; private set; }

    /// <summary>The first problem found with the input or the evaluation (it denies the decision).</summary>
    public EvaluationProblem? Problem { get; private set; }

    public List<int> Fired { get; } = new();

    public List<PhraseMatch> Phrases { get; } = new();

    public List<Core.Model.DataCategory> Categories { get; } = new();

    public static EvaluationScope Rent()
    {
        var scope = t_spare;
        if (scope != null)
        {
            t_spare = null;
            return scope;
        }

        return new EvaluationScope();
    }

    public void Return()
    {
        Action = null!;
        Input = null;
        _accessors = null;
        Consents = null!;
        Trace = null;
        Problem = null;
        Fired.Clear();
        Phrases.Clear();
        Categories.Clear();
        t_spare = this;
    }

    public void Begin(CompiledAction action, object? input, IConsentStore consents, DecisionClock clock, DateTimeOffset? now, bool trace)
    {
        Action = action;
        Consents = consents;
        _clock = clock;
        _now = now;
        _factsComputed = false;
        Trace = trace ? new List<TraceLine>() : null;
        var count = action.Fields.Count;
        if (_values.Length < count)
        {
            var size = Math.Max(count, _values.Length * 2);
            _values = new FieldValue[size];
            _resolved = new bool[size];
            Array.Resize(ref _buffers, size);
        }
        else
        {
            Array.Clear(_resolved, 0, count);
        }

        Input = input;
        _accessors = null;
        if (input != null && action.TryGetLastAccessors(input.GetType()) is { } known)
        {
            // The same plain type as the previous request: skip the shape tests.
            Shape = InputShape.Poco;
            _accessors = known;
            return;
        }

        switch (input)
        {
            case null:
                Shape = InputShape.None;
                break;
            case System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object }:
            case System.Text.Json.JsonDocument { RootElement.ValueKind: System.Text.Json.JsonValueKind.Object }:
            case IDictionary<string, object?>:
            case IReadOnlyDictionary<string, object?>:
            case System.Collections.IDictionary:
                Shape = InputShape.Walked;
                break;
            case string or System.Collections.IEnumerable or System.Text.Json.JsonElement or System.Text.Json.JsonDocument:
            case ValueType when InputWalker.IsScalar(input.GetType()):
                Shape = InputShape.Invalid;
                break;
            default:
                Shape = InputShape.Poco;
                _accessors = action.AccessorsFor(input.GetType());
                break;
        }
    }

    /// <summary>The value of a field: read from the input, or derived by the action's fact provider, on first use.</summary>
    public ref readonly FieldValue Get(int slot)
    {
        if (!_resolved[slot])
        {
            Resolve(slot);
        }

        return ref _values[slot];
    }

    private void Resolve(int slot)
    {
        var field = Action.SlotArray[slot];
        if (field.Derived)
        {
            EnsureFacts();
            if (!_resolved[slot])
            {
                _values[slot] = FieldValue.Missing;
                _resolved[slot] = true;
            }

            return;
        }

        _values[slot] = Shape switch
        {
            InputShape.Poco => _accessors![slot](Input!),
            InputShape.Walked => InputWalker.Walk(Input, field.FieldPath, 0),
            _ => FieldValue.Missing,
        };
        _resolved[slot] = true;
    }

    /// <summary>Runs the action's fact provider once.</summary>
    public void EnsureFacts()
    {
        if (_factsComputed)
        {
            return;
        }

        _factsComputed = true;
        Action.Facts?.Compute(this);
    }

    /// <summary>Sets a derived fact.</summary>
    public void Set(int slot, in FieldValue value)
    {
        _values[slot] = value;
        _resolved[slot] = true;
    }

    /// <summary>A reusable list owned by the scope for a list fact (cleared).</summary>
    public List<string> Buffer(int slot)
    {
        var buffer = _buffers[slot] ??= new List<string>();
        buffer.Clear();
        return buffer;
    }

    public void Report(string ruleId, string message, string remediation)
    {
        Problem ??= new EvaluationProblem(ruleId, message, remediation);
    }

    public void ReportWrongType(FieldSlot field, string expected)
    {
        if (Problem != null)
        {
            return;
        }

        var value = Get(field.Index);
        var shown = field.Personal ? "***" : value.ToDisplayString();
        Report(EngineRuleIds.BadInput, $"The field `{field.Path}` should be {expected}, but it is {Describe(value)} ({shown}).", $"Send `{field.Path}` as {expected}.");
    }

    public static string Describe(in FieldValue value) => value.Kind switch
    {
        ValueKind.Text => "a text",
        ValueKind.Number => "a number",
        ValueKind.Bool => "yes/no",
        ValueKind.DateTime => "a date-time",
        ValueKind.Duration => "a duration",
        ValueKind.List => "a list",
        ValueKind.Object => "an object",
        ValueKind.Null => "null",
        _ => "missing",
    };

    public void Record(int depth, string text, string? actual, bool held)
    {
        Trace!.Add(new TraceLine { Depth = depth, Text = text, Actual = actual, Held = held });
    }
}
