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
    // Decision sequence numbers are taken from the process-wide counter in blocks, so that a
    // decision costs no interlocked operation: unique in the process, increasing on each thread.
    private const int SequenceBlock = 256;
    private static long s_sequence;

    [ThreadStatic]
    private static EvaluationScope? t_scope;

    private FieldValue[] _values = new FieldValue[16];

    // A slot is resolved for the current evaluation when its stamp equals _epoch; a new evaluation
    // increments _epoch instead of clearing the array.
    private int[] _stamps = new int[16];
    private int _epoch;
    private List<string>?[] _buffers = new List<string>?[16];
    private FieldSlot[] _slots = Array.Empty<FieldSlot>();
    private Func<object, FieldValue>[]? _accessors;
    private bool _factsComputed;
    private bool _inUse;
    private readonly SequenceCounter _sequence;
    private DateTimeOffset? _now;

    public CompiledAction? Action { get; private set; }

    public object? Input { get; private set; }

    public InputShape Shape { get; private set; }

    public IConsentStore Consents { get; private set; } = null!;

    private DecisionClock _clock = null!;

    /// <summary>The moment the decision is taken: the context's time, or the engine's clock read once.</summary>
    public DateTimeOffset Now => _now ??= _clock.GetUtcNow();

    public List<TraceLine>? Trace { get; private set; }

    /// <summary>The first problem found with the input or the evaluation (it denies the decision).</summary>
    public EvaluationProblem? Problem => Problems.Count == 0 ? null : Problems[0];

    /// <summary>Every problem found, in the order found; each becomes a violation.</summary>
    public List<EvaluationProblem> Problems { get; } = new();

    /// <summary>The input broke a limit or holds a wrong element: the rules are not run on it.</summary>
    public bool InputRefused { get; private set; }

    private InputLimits _limits = InputLimits.Default;
    private long _callerDeadline;

    public List<int> Fired { get; } = new();

    public List<PhraseMatch> Phrases { get; } = new();

    /// <summary>A builder for rendering messages (cleared by its user before and after use).</summary>
    public System.Text.StringBuilder Text { get; } = new(256);

    public List<Core.Model.DataCategory> Categories { get; } = new();

    private EvaluationScope(SequenceCounter sequence) => _sequence = sequence;

    /// <summary>The thread's scope (one thread-static read), or a new one when it is in use (a nested evaluation).</summary>
    public static EvaluationScope Rent()
    {
        var scope = t_scope;
        if (scope == null)
        {
            scope = new EvaluationScope(new SequenceCounter());
            t_scope = scope;
        }
        else if (scope._inUse)
        {
            // Re-entered on this thread (a consent store or an input getter that decides again):
            // a scope of its own, numbering decisions with the thread's counter.
            scope = new EvaluationScope(scope._sequence);
        }

        scope._inUse = true;
        return scope;
    }

    public void Return()
    {
        // The caller's objects are let go; the engine's own (action, slots, accessors, clock) stay
        // for the next evaluation on this thread (see Begin).
        Input = null;
        Consents = null!;
        Trace = null;
        Problems.Clear();
        InputRefused = false;
        DecisionDeadline.Exit(_callerDeadline);
        Fired.Clear();
        Phrases.Clear();
        Categories.Clear();
        _inUse = false;
    }

    /// <summary>A decision sequence number: unique in the process, increasing on this thread.</summary>
    public long NextSequence() => _sequence.Take();

    /// <summary>A sequence number for a decision taken without a scope (unknown action, no policy, failure), from the thread's counter.</summary>
    public static long NextSequenceOnThisThread()
    {
        var scope = t_scope;
        if (scope == null)
        {
            scope = new EvaluationScope(new SequenceCounter());
            t_scope = scope;
        }

        return scope._sequence.Take();
    }

    public void Begin(CompiledAction action, object? input, IConsentStore consents, DecisionClock clock, DateTimeOffset? now, bool trace, InputLimits limits, TimeSpan budget)
    {
        _callerDeadline = DecisionDeadline.Enter(budget);
        if (!ReferenceEquals(_limits, limits))
        {
            _limits = limits;
        }

        // The action, its slots and accessors and the clock belong to the engine and stay in the
        // scope between evaluations: storing a reference costs a GC write barrier, so an
        // unchanged one is not stored again.
        if (!ReferenceEquals(Action, action))
        {
            Action = action;
            _slots = action.SlotArray;
        }

        if (!ReferenceEquals(_clock, clock))
        {
            _clock = clock;
        }

        Consents = consents;
        _now = now;
        _factsComputed = false;
        if (trace)
        {
            Trace = new List<TraceLine>();
        }

        var count = _slots.Length;
        if (_values.Length < count)
        {
            var size = Math.Max(count, _values.Length * 2);
            _values = new FieldValue[size];
            _stamps = new int[size];
            _epoch = 0;
            Array.Resize(ref _buffers, size);
        }

        if (++_epoch == int.MaxValue)
        {
            Array.Clear(_stamps, 0, _stamps.Length);
            _epoch = 1;
        }

        Input = input;
        if (input != null && action.TryGetLastAccessors(input.GetType()) is { } known)
        {
            // The same plain type as the previous request: skip the shape tests.
            Shape = InputShape.Poco;
            if (!ReferenceEquals(_accessors, known))
            {
                _accessors = known;
            }

            return;
        }

        _accessors = null;

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
        if (_stamps[slot] != _epoch)
        {
            Resolve(slot);
        }

        return ref _values[slot];
    }

    private void Resolve(int slot)
    {
        var field = _slots[slot];
        if (!field.Derived && Shape == InputShape.Poco)
        {
            _values[slot] = InputGuard.Check(_accessors![slot](Input!), field, _limits, this);
            _stamps[slot] = _epoch;
            return;
        }

        if (field.Derived)
        {
            EnsureFacts();
            if (_stamps[slot] != _epoch)
            {
                _values[slot] = FieldValue.Missing;
                _stamps[slot] = _epoch;
            }

            return;
        }

        _values[slot] = Shape switch
        {
            InputShape.Poco => InputGuard.Check(_accessors![slot](Input!), field, _limits, this),
            InputShape.Walked => InputGuard.Check(InputWalker.Walk(Input, field.FieldPath, 0), field, _limits, this),
            _ => FieldValue.Missing,
        };
        _stamps[slot] = _epoch;
    }

    /// <summary>Runs the action's fact provider once.</summary>
    public void EnsureFacts()
    {
        if (_factsComputed)
        {
            return;
        }

        _factsComputed = true;
        Action!.Facts?.Compute(this);
    }

    /// <summary>Sets a derived fact.</summary>
    public void Set(int slot, in FieldValue value)
    {
        _values[slot] = value;
        _stamps[slot] = _epoch;
    }

    /// <summary>A reusable list owned by the scope for a list fact (cleared).</summary>
    public List<string> Buffer(int slot)
    {
        var buffer = _buffers[slot] ??= new List<string>();
        buffer.Clear();
        return buffer;
    }

    /// <summary>Records a problem (once: the same message found again by another rule is not repeated).</summary>
    public void Report(string ruleId, string message, string remediation)
    {
        foreach (var known in Problems)
        {
            if (known.Message == message)
            {
                return;
            }
        }

        Problems.Add(new EvaluationProblem(ruleId, message, remediation));
    }

    /// <summary>A problem with the input itself (a limit, a wrong element): reported, and the rules are not run.</summary>
    public void ReportInput(string ruleId, string message, string remediation)
    {
        InputRefused = true;
        Report(ruleId, message, remediation);
    }

    public void ReportWrongType(FieldSlot field, string expected)
    {
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

    /// <summary>One thread's decision numbers: blocks reserved from the process-wide counter, handed out one by one.</summary>
    private sealed class SequenceCounter
    {
        private long _next;
        private long _limit;

        public long Take()
        {
            if (_next == _limit)
            {
                _limit = Interlocked.Add(ref s_sequence, SequenceBlock);
                _next = _limit - SequenceBlock;
            }

            return ++_next;
        }
    }
}
