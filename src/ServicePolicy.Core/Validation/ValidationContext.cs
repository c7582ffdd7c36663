namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// State shared by the checks of one validation pass: the policy, the error list, and lookups
/// (ids, protected fields, actions) built once so that each check stays a cheap set look-up.
/// </summary>
public sealed class ValidationContext
{
    private readonly List<PolicyError> _errors;
    private readonly int _maxErrors;
    private Dictionary<string, string>? _protectedFields;

    public ValidationContext(Policy policy, List<PolicyError> errors, int maxErrors)
    {
        Policy = policy;
        _errors = errors;
        _maxErrors = maxErrors;
        Actions = ActionCatalog.ForPolicy(policy);
        CategoryIds = IdSet(policy.Classification.Categories.Select(c => c.Id));
        ProtectedAttributeIds = IdSet(policy.Classification.ProtectedAttributes.Select(c => c.Id));
        PurposeIds = IdSet(policy.Consent.Purposes.Select(p => p.Id));
        RuleIds = IdSet(policy.Rules.Select(r => r.Id));
        DisabledRuleIds = IdSet(policy.Disable);
    }

    public Policy Policy { get; }

    public IReadOnlyDictionary<string, ActionInfo> Actions { get; }

    public HashSet<string> CategoryIds { get; }

    public HashSet<string> ProtectedAttributeIds { get; }

    public HashSet<string> PurposeIds { get; }

    public HashSet<string> RuleIds { get; }

    /// <summary>Rules switched off by `disable` somewhere in the include chain (to explain why a test cannot name them).</summary>
    public HashSet<string> DisabledRuleIds { get; }

    public bool IsFull => _errors.Count >= _maxErrors;

    /// <summary>
    /// Input fields that carry a protected attribute or a declared proxy, mapped to a phrase that
    /// names what they carry ("the protected attribute `gender`").
    /// </summary>
    public IReadOnlyDictionary<string, string> ProtectedFields => _protectedFields ??= BuildProtectedFields();

    public void Error(string code, string message, SourceLocation location, string? hint = null) => Add(code, message, location, hint, ErrorSeverity.Error);

    public void Warning(string code, string message, SourceLocation location, string? hint = null) => Add(code, message, location, hint, ErrorSeverity.Warning);

    /// <summary>
    /// What a condition field carries when it is a protected attribute or a proxy, or null. A field
    /// also matches when one name is the other with a prefix (`customer.gender` and `gender`).
    /// </summary>
    public string? ProtectedMeaningOf(string field)
    {
        var fields = ProtectedFields;
        if (fields.Count == 0 || field.Length == 0)
        {
            return null;
        }

        if (fields.TryGetValue(field, out var meaning))
        {
            return meaning;
        }

        // `customer.gender` tested where the classification says `gender`, or the reverse: one
        // name ends with the other on a dot. Siblings (`ticket.origin` and `customer.origin`)
        // are not matched; they are different data.
        var lastDot = field.LastIndexOf('.');
        while (lastDot >= 0)
        {
            if (fields.TryGetValue(field.Substring(lastDot + 1), out meaning))
            {
                return meaning;
            }

            lastDot = lastDot == 0 ? -1 : field.LastIndexOf('.', lastDot - 1);
        }

        foreach (var pair in fields)
        {
            if (pair.Key.Length > field.Length && pair.Key[pair.Key.Length - field.Length - 1] == '.' && pair.Key.EndsWith(field, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The location of item <paramref name="index"/> (0-based) of a list key, or of the key when unknown.</summary>
    public static SourceLocation ItemLocation(PolicyElement element, string key, int index)
    {
        var itemKey = key + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        return element.HasKey(itemKey) ? element.LocationOf(itemKey) : element.LocationOf(key);
    }

    /// <summary>The location of a map entry's key (for maps such as an action's fields), or of the map when unknown.</summary>
    public static SourceLocation EntryLocation(PolicyElement element, string key, string entry)
    {
        var entryKey = key + "." + entry;
        return element.HasKey(entryKey) ? element.LocationOf(entryKey) : element.LocationOf(key);
    }

    /// <summary>
    /// The exact place of a character inside a one-line scalar. When the scalar's span in the file
    /// is as long as its text (plain) or two longer (quoted, no escapes), offsets map one to one;
    /// otherwise (escapes, folded text) the scalar's start is the honest answer.
    /// </summary>
    public static SourceLocation LocationInScalar(SourceLocation scalar, string text, int offset)
    {
        if (!scalar.IsKnown || scalar.EndLine != scalar.Line || offset < 0 || offset > text.Length)
        {
            return scalar;
        }

        var span = scalar.EndColumn - scalar.Column;
        if (span == text.Length)
        {
            return new SourceLocation(scalar.File, scalar.Line, scalar.Column + offset);
        }

        if (span == text.Length + 2)
        {
            return new SourceLocation(scalar.File, scalar.Line, scalar.Column + 1 + offset);
        }

        return scalar;
    }

    private static HashSet<string> IdSet(IEnumerable<string> ids)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id.Length > 0)
            {
                set.Add(id);
            }
        }

        return set;
    }

    private Dictionary<string, string> BuildProtectedFields()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in Policy.Classification.ProtectedAttributes)
        {
            foreach (var field in attribute.Fields)
            {
                result[field] = $"the protected attribute `{attribute.Id}`";
            }

            // An attribute declared without fields is still caught when a test names it directly.
            if (attribute.Fields.Count == 0 && attribute.Id.Length > 0)
            {
                result[attribute.Id] = $"the protected attribute `{attribute.Id}`";
            }
        }

        foreach (var proxy in Policy.Classification.Proxies)
        {
            foreach (var field in proxy.Fields)
            {
                if (!result.ContainsKey(field))
                {
                    result[field] = $"`{proxy.Id}`, a declared proxy for `{proxy.StandsFor}`";
                }
            }
        }

        return result;
    }

    private void Add(string code, string message, SourceLocation location, string? hint, ErrorSeverity severity)
    {
        if (_errors.Count < _maxErrors)
        {
            _errors.Add(new PolicyError(code, message, location, hint, severity));
        }
    }
}
