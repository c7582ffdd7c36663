namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// Deadline actions: the SLA that applies (same kind; channel and priority empty or equal to the
/// input's; the most specific wins, then the first in the file), when the clock started and stopped,
/// and whether the deadline was missed. "Now" is the evaluation context's time or the engine's
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DeadlineFacts : FactProvider
{
    private readonly Sla[] _slas;

    // Channel and priority are read only when an SLA of this kind depends on them.
    private readonly bool _slasUseChannel;
    private readonly bool _slasUsePriority;
    private readonly FieldSlot? _channel;
    private readonly FieldSlot? _priority;
    private readonly FieldSlot? _start;
    private readonly bool _startDefaultsToNow;
    private readonly FieldSlot? _end;
    private readonly bool _endDefaultsToNow;
    private readonly FieldSlot? _dueAt;
    private readonly bool _required;
    private readonly FieldSlot _within;
    private readonly FieldSlot _elapsed;
    private readonly FieldSlot _overdue;
    private readonly FieldSlot _due;

    // followup.promise only: a due time before the promise is no promise at all.
    private readonly FieldSlot? _dueBeforeStart;

    private DeadlineFacts(SlaKind kind, FieldTable fields, PolicyContext context, string? start, bool startDefaultsToNow, string? end, bool endDefaultsToNow, string? dueAt, bool required)
    {
        _slas = context.Policy.Slas.Where(s => s.Kind == kind).ToArray();
        _slasUseChannel = _slas.Any(s => s.Channel.Length > 0);
        _slasUsePriority = _slas.Any(s => s.Priority.Length > 0);
        _channel = fields.Slot("channel");
        _priority = fields.Slot("priority");
        _start = start == null ? null : fields.Slot(start);
        _startDefaultsToNow = startDefaultsToNow;
        _end = end == null ? null : fields.Slot(end);
        _endDefaultsToNow = endDefaultsToNow;
        _dueAt = dueAt == null ? null : fields.Slot(dueAt);
        _required = required;
        _within = fields.Slot("sla.within");
        _elapsed = fields.Slot("sla.elapsed");
        _overdue = fields.Slot("sla.overdue");
        _due = fields.Slot("sla.due");
        _dueBeforeStart = kind == SlaKind.FollowUp && end == "dueAt" ? fields.Slot("sla.dueBeforePromise") : null;
    }

    public static DeadlineFacts For(string action, FieldTable fields, PolicyContext context) => action switch
    {
        ActionCatalog.Names.ComplaintAcknowledge => new(SlaKind.ComplaintAcknowledge, fields, context, "receivedAt", false, "acknowledgedAt", true, null, required: true),
        ActionCatalog.Names.ComplaintClose => new(SlaKind.ComplaintResolve, fields, context, "receivedAt", false, "closedAt", true, null, required: false),
        ActionCatalog.Names.ResponseFirst => new(SlaKind.FirstResponse, fields, context, "receivedAt", false, "respondedAt", true, null, required: true),
        ActionCatalog.Names.BillingCorrect => new(SlaKind.BillingCorrection, fields, context, "reportedAt", false, "correctedAt", true, null, required: true),
        ActionCatalog.Names.FollowupPromise => new(SlaKind.FollowUp, fields, context, "promisedAt", true, "dueAt", false, null, required: false),
        ActionCatalog.Names.FollowupCheck => new(SlaKind.FollowUp, fields, context, "promisedAt", false, "completedAt", true, "dueAt", required: true),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a deadline action."),
    };

    public override IEnumerable<FieldSlot> Required =>
        !_required ? Array.Empty<FieldSlot>() : _dueAt != null ? new[] { _dueAt } : new[] { _start! };

    public override void Compute(EvaluationScope scope)
    {
        var sla = FindSla(scope);
        var start = _start == null ? null : ReadDateTicks(scope, _start);
        if (start == null && _startDefaultsToNow)
        {
            start = scope.Now.UtcTicks;
        }

        var end = _end == null ? null : ReadDateTicks(scope, _end);
        if (end == null && _endDefaultsToNow)
        {
            end = scope.Now.UtcTicks;
        }

        if (_dueBeforeStart != null && start != null && end != null)
        {
            scope.Set(_dueBeforeStart.Index, FieldValue.FromBool(end < start));
        }

        long? within = sla?.Within.Ticks;
        long? elapsed = start != null && end != null ? end - start : null;
        long? due;
        bool? overdue;
        if (_dueAt != null)
        {
            // followup.check: the promise itself is the deadline.
            due = ReadDateTicks(scope, _dueAt);
            overdue = due != null && end != null ? end > due : null;
            if (start != null && due != null)
            {
                within = due - start;
            }
        }
        else
        {
            due = start != null && within != null ? start + within : null;
            overdue = elapsed != null && within != null ? elapsed > within : null;
        }

        if (within != null)
        {
            scope.Set(_within.Index, FieldValue.FromDuration(new TimeSpan(within.Value)));
        }

        if (elapsed != null)
        {
            scope.Set(_elapsed.Index, FieldValue.FromDuration(new TimeSpan(elapsed.Value)));
        }

        if (overdue != null)
        {
            scope.Set(_overdue.Index, FieldValue.FromBool(overdue.Value));
        }

        if (due != null)
        {
            scope.Set(_due.Index, FieldValue.FromDateTime(new DateTimeOffset(due.Value, TimeSpan.Zero)));
        }
    }

    private Sla? FindSla(EvaluationScope scope)
    {
        if (_slas.Length == 0)
        {
            return null;
        }

        var channel = _channel == null || !_slasUseChannel ? null : ReadText(scope, _channel);
        var priority = _priority == null || !_slasUsePriority ? null : ReadText(scope, _priority);
        Sla? best = null;
        var bestScore = -1;
        foreach (var sla in _slas)
        {
            var score = 0;
            if (sla.Channel.Length > 0)
            {
                if (!string.Equals(sla.Channel, channel, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                score++;
            }

            if (sla.Priority.Length > 0)
            {
                if (!string.Equals(sla.Priority, priority, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                score++;
            }

            if (score > bestScore)
            {
                best = sla;
                bestScore = score;
            }
        }

        return best;
    }
}
