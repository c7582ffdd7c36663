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
    private ClassificationIndex? _classification;

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

    public void Error(string code, string message, SourceLocation location, string? hint = null) => Add(code, message, location, hint, ErrorSeverity.Error);

    public void Warning(string code, string message, SourceLocation location, string? hint = null) => Add(code, message, location, hint, ErrorSeverity.Warning);

    /// <summary>
    /// What a condition field carries when it is a protected attribute, a proxy or a special
    /// category, or null; names match by their words (`customer.genderIdentity` carries `gender`).
    /// </summary>
    public string? ProtectedMeaningOf(string field) => field.Length == 0 ? null : Classification.ProtectedOf(field)?.Phrase;

    /// <summary>The classification as look-ups by name, matched by words as the engine matches them.</summary>
    public ClassificationIndex Classification => _classification ??= new ClassificationIndex(Policy.Classification);

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

    private void Add(string code, string message, SourceLocation location, string? hint, ErrorSeverity severity)
    {
        if (_errors.Count < _maxErrors)
        {
            _errors.Add(new PolicyError(code, message, location, hint, severity));
        }
    }
}
