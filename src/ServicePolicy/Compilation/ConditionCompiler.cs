namespace ServicePolicy.Compilation;

using System.Text.RegularExpressions;
using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// Turns a condition tree into one delegate, once, when the policy is compiled: fields become slot
/// indices, constants are parsed, regular expressions are built with a timeout, and all / any /
/// not become closures over their children. Evaluation calls the delegate; nothing walks the
/// policy's condition objects per call. When the scope is tracing, every node also records what
/// it saw (personal values as ***) so that the decision can be explained.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly FieldTable _fields;
    private readonly List<PolicyError> _errors;
    private readonly TimeSpan _regexTimeout;
    private readonly Func<string, string?>? _forbidden;

    // forbidden: returns why a field may not be tested here (protected attributes in routing tables), or null.
    public ConditionCompiler(FieldTable fields, List<PolicyError> errors, TimeSpan regexTimeout, Func<string, string?>? forbidden = null)
    {
        _fields = fields;
        _errors = errors;
        _regexTimeout = regexTimeout;
        _forbidden = forbidden;
    }

    public Func<EvaluationScope, bool> Compile(Condition condition, int depth = 0)
    {
        if (condition.All != null)
        {
            return All(condition.All.Select(c => Compile(c, depth + 1)).ToArray(), depth);
        }

        if (condition.Any != null)
        {
            return Any(condition.Any.Select(c => Compile(c, depth + 1)).ToArray(), depth);
        }

        if (condition.Not != null)
        {
            return Not(Compile(condition.Not, depth + 1), depth);
        }

        if (condition.Field != null)
        {
            return Test(condition, depth);
        }

        _errors.Add(new PolicyError(PolicyErrorCodes.BadCondition, "A condition must be one of `all`, `any`, `not`, or a test with `field` and `op`.", condition.Location));
        return static _ => false;
    }

    private static Func<EvaluationScope, bool> All(Func<EvaluationScope, bool>[] children, int depth)
    {
        return scope =>
        {
            if (scope.Trace == null)
            {
                foreach (var child in children)
                {
                    if (!child(scope))
                    {
                        return false;
                    }
                }

                return true;
            }

            // Explaining: evaluate every child so that the explanation shows each one.
            var line = scope.Trace.Count;
            scope.Record(depth, "all of:", null, false);
            var result = true;
            foreach (var child in children)
            {
                result &= child(scope);
            }

            SetHeld(scope, line, result);
            return result;
        };
    }

    private static Func<EvaluationScope, bool> Any(Func<EvaluationScope, bool>[] children, int depth)
    {
        return scope =>
        {
            if (scope.Trace == null)
            {
                foreach (var child in children)
                {
                    if (child(scope))
                    {
                        return true;
                    }
                }

                return false;
            }

            var line = scope.Trace.Count;
            scope.Record(depth, "any of:", null, false);
            var result = false;
            foreach (var child in children)
            {
                result |= child(scope);
            }

            SetHeld(scope, line, result);
            return result;
        };
    }

    private static Func<EvaluationScope, bool> Not(Func<EvaluationScope, bool> child, int depth)
    {
        return scope =>
        {
            if (scope.Trace == null)
            {
                return !child(scope);
            }

            var line = scope.Trace.Count;
            scope.Record(depth, "not:", null, false);
            var result = !child(scope);
            SetHeld(scope, line, result);
            return result;
        };
    }

    private static void SetHeld(EvaluationScope scope, int line, bool held)
    {
        var entry = scope.Trace![line];
        entry.Held = held;
        scope.Trace[line] = entry;
    }

    private Func<EvaluationScope, bool> Test(Condition condition, int depth)
    {
        var path = condition.Field!;
        var reason = _forbidden?.Invoke(path);
        if (reason != null)
        {
            _errors.Add(new PolicyError(PolicyErrorCodes.ProtectedAttributeInDecision, reason, condition.LocationOf("field")));
            return static _ => false;
        }

        var field = _fields.Slot(path);
        var op = condition.Op ?? "";
        var text = $"{path} {op}" + (condition.Value == null ? "" : " " + condition.Value);
        var predicate = Predicate(field, op, condition);
        if (predicate == null)
        {
            return static _ => false;
        }

        var slot = field.Index;
        var personal = field.Personal;
        var fast = FastPathOf(field, op, Operand.ListOf(condition.Value));
        var number = fast.Number;
        var texts = fast.Texts;
        var flag = fast.Flag;
        var kind = fast.Kind;
        return scope =>
        {
            var wrongType = false;
            ref readonly var value = ref scope.Get(slot);
            bool held;

            // The common shapes (a number against a number, a text against texts, yes/no) are
            // decided inline; everything else goes through the general predicate.
            switch (kind)
            {
                case FastKind.NumberGt when value.Kind == ValueKind.Number:
                    held = value.Number.CompareTo(number) > 0;
                    break;
                case FastKind.NumberGte when value.Kind == ValueKind.Number:
                    held = value.Number.CompareTo(number) >= 0;
                    break;
                case FastKind.NumberLt when value.Kind == ValueKind.Number:
                    held = value.Number.CompareTo(number) < 0;
                    break;
                case FastKind.NumberLte when value.Kind == ValueKind.Number:
                    held = value.Number.CompareTo(number) <= 0;
                    break;
                case FastKind.TextIn when value.Kind == ValueKind.Text:
                    held = AnyEqual((string)value.Reference!, texts!);
                    break;
                case FastKind.TextNotIn when value.Kind == ValueKind.Text:
                    held = !AnyEqual((string)value.Reference!, texts!);
                    break;
                case FastKind.BoolEq when value.Kind == ValueKind.Bool:
                    held = value.Bool == flag;
                    break;
                case FastKind.Exists:
                    held = !IsAbsent(value);
                    break;
                case FastKind.Missing:
                    held = IsAbsent(value);
                    break;
                case FastKind.Empty:
                    held = IsBlank(value);
                    break;
                case FastKind.NotEmpty:
                    held = !IsBlank(value);
                    break;
                default:
                    held = predicate(value, ref wrongType);
                    break;
            }

            if (wrongType)
            {
                scope.ReportWrongType(field, Expected(field.Type, op));
                held = false;
            }

            if (scope.Trace != null)
            {
                scope.Record(depth, text, personal && !value.IsMissingOrNull ? "***" : value.ToDisplayString(), held);
            }

            return held;
        };
    }

    private delegate bool ValuePredicate(in FieldValue value, ref bool wrongType);

    private enum FastKind
    {
        None,
        NumberGt,
        NumberGte,
        NumberLt,
        NumberLte,
        TextIn,
        TextNotIn,
        BoolEq,
        Exists,
        Missing,
        Empty,
        NotEmpty,
    }

    private readonly struct FastPath
    {
        public FastPath(FastKind kind, double number = 0, string[]? texts = null, bool flag = false)
        {
            Kind = kind;
            Number = number;
            Texts = texts;
            Flag = flag;
        }

        public FastKind Kind { get; }

        public double Number { get; }

        public string[]? Texts { get; }

        public bool Flag { get; }
    }

    /// <summary>
    /// The inline form of a test, when the field's value has the expected kind. It must agree with
    /// the general predicate (Comparisons) for those kinds; any other value falls back to it.
    /// </summary>
    private static FastPath FastPathOf(FieldSlot field, string op, Operand[] constants)
    {
        switch (op)
        {
            // The same tests as the general predicates of these operators, for every kind of value.
            case "exists": return new FastPath(FastKind.Exists);
            case "missing": return new FastPath(FastKind.Missing);
            case "empty": return new FastPath(FastKind.Empty);
            case "not-empty": return new FastPath(FastKind.NotEmpty);
        }

        var type = field.Type;
        var first = constants.Length > 0 ? constants[0] : null;
        if (first == null || type is FieldType.DateTime or FieldType.Duration or FieldType.List)
        {
            return default;
        }

        var numeric = type == FieldType.Number || ((type == null || type == FieldType.Text) && first.Number != null);
        if (numeric && first.Number is { } number)
        {
            switch (op)
            {
                case "gt": return new FastPath(FastKind.NumberGt, number);
                case "gte": return new FastPath(FastKind.NumberGte, number);
                case "lt": return new FastPath(FastKind.NumberLt, number);
                case "lte": return new FastPath(FastKind.NumberLte, number);
            }
        }

        if ((type == null || type == FieldType.Text) && op is "eq" or "ne" or "in" or "not-in")
        {
            var texts = op is "eq" or "ne" ? new[] { first.Text } : constants.Select(c => c.Text).ToArray();
            return new FastPath(op is "eq" or "in" ? FastKind.TextIn : FastKind.TextNotIn, texts: texts);
        }

        if ((type == null || type == FieldType.YesNo) && op == "eq" && first.Bool is { } flag)
        {
            return new FastPath(FastKind.BoolEq, flag: flag);
        }

        return default;
    }

    private static bool AnyEqual(string text, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.Equals(text, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A text of spaces says nothing: for `missing` and `empty` it counts as not given, so that a
    // required text cannot be satisfied with blanks.
    private static bool IsWhiteSpaceText(in FieldValue value) => value.Kind == ValueKind.Text && string.IsNullOrWhiteSpace((string)value.Reference!);

    private static bool IsAbsent(in FieldValue value) => value.IsMissingOrNull || IsWhiteSpaceText(value);

    private static bool IsBlank(in FieldValue value) => value.IsEmpty() || IsWhiteSpaceText(value);

    private ValuePredicate? Predicate(FieldSlot field, string op, Condition condition)
    {
        var type = field.Type;
        var constants = Operand.ListOf(condition.Value);
        var first = constants.Length > 0 ? constants[0] : null;
        switch (op)
        {
            case "exists":
                return static (in FieldValue v, ref bool _) => !IsAbsent(v);
            case "missing":
                return static (in FieldValue v, ref bool _) => IsAbsent(v);
            case "empty":
                return static (in FieldValue v, ref bool _) => IsBlank(v);
            case "not-empty":
                return static (in FieldValue v, ref bool _) => !IsBlank(v);
        }

        if (first == null)
        {
            _errors.Add(new PolicyError(PolicyErrorCodes.BadCondition, $"The test `{field.Path} {op}` has no `value` to compare with.", condition.Location));
            return null;
        }

        if (!CheckConstants(field, op, constants, condition))
        {
            return null;
        }

        var firstOnly = new[] { first };
        switch (op)
        {
            case "eq":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.EqualsAny(v, firstOnly, type, ref wrong);
            case "ne":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && !Comparisons.EqualsAny(v, firstOnly, type, ref wrong);
            case "in":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.EqualsAny(v, constants, type, ref wrong);
            case "not-in":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && !Comparisons.EqualsAny(v, constants, type, ref wrong);
            case "contains":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.Contains(v, constants, type, ref wrong);
            case "not-contains":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && !Comparisons.Contains(v, constants, type, ref wrong);
            case "starts-with":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.StartsOrEndsWith(v, first, true, ref wrong);
            case "ends-with":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.StartsOrEndsWith(v, first, false, ref wrong);
            case "gt":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.Compare(v, first, type, ref wrong) > 0;
            case "gte":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.Compare(v, first, type, ref wrong) >= 0;
            case "lt":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.Compare(v, first, type, ref wrong) < 0;
            case "lte":
                return (in FieldValue v, ref bool wrong) => !v.IsMissingOrNull && Comparisons.Compare(v, first, type, ref wrong) <= 0;
            case "matches":
                return Matches(field, first.Text, condition);
            default:
                _errors.Add(new PolicyError(PolicyErrorCodes.UnknownOperator, $"`{op}` is not an operator.", condition.HasKey("op") ? condition.LocationOf("op") : condition.Location));
                return null;
        }
    }

    /// <summary>Constants must fit the declared type of the field: a policy that compares a number with "abc" does not compile.</summary>
    private bool CheckConstants(FieldSlot field, string op, Operand[] constants, Condition condition)
    {
        if (op is "matches" or "contains" or "not-contains" or "starts-with" or "ends-with")
        {
            return true;
        }

        var ordering = op is "gt" or "gte" or "lt" or "lte";
        foreach (var constant in constants)
        {
            var ok = field.Type switch
            {
                FieldType.Number => constant.Number != null,
                FieldType.YesNo => constant.Bool != null,
                FieldType.DateTime => constant.DateTicks != null,
                FieldType.Duration => constant.DurationTicks != null,
                _ => !ordering || constant.Number != null || constant.DateTicks != null || constant.DurationTicks != null,
            };
            if (!ok)
            {
                _errors.Add(new PolicyError(PolicyErrorCodes.InvalidValue, $"`{field.Path} {op} {constant.Text}`: `{constant.Text}` is not {Expected(field.Type, op)}.", condition.HasKey("value") ? condition.LocationOf("value") : condition.Location));
                return false;
            }
        }

        return true;
    }

    private ValuePredicate? Matches(FieldSlot field, string pattern, Condition condition)
    {
        var regex = RegexCondition.TryCreate(pattern, _regexTimeout, out var error);
        if (regex == null)
        {
            _errors.Add(new PolicyError(PolicyErrorCodes.InvalidRegex, error!, condition.HasKey("value") ? condition.LocationOf("value") : condition.Location));
            return null;
        }

        return (in FieldValue v, ref bool wrong) => RegexCondition.IsMatch(regex, v, ref wrong);
    }

    internal static string Expected(FieldType? type, string op) => type switch
    {
        FieldType.Number => "a number",
        FieldType.YesNo => "yes or no (true/false)",
        FieldType.DateTime => "a date and time (ISO 8601, such as 2026-01-10T09:00:00Z)",
        FieldType.Duration => "a duration (such as 30m, 4h, 2d)",
        FieldType.List => "a list",
        _ => op is "gt" or "gte" or "lt" or "lte" ? "a number, a date-time or a duration" : "a text",
    };
}
