namespace ServicePolicy.Compilation;

using System.Collections.Concurrent;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;
using ServicePolicy.Input;

/// <summary>What every action of one compiled policy shares: the classification, consent, authority, SLA and text tables, prepared once.</summary>
internal sealed class PolicyContext
{
    private const int MaxCachedFieldNames = 4096;
    private readonly ConcurrentDictionary<string, SharedFieldClass> _byField = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _purposeNeeds;

    public PolicyContext(Policy policy, TimeSpan regexTimeout)
    {
        Policy = policy;
        Classifier = new FieldClassifier(policy.Classification);
        Scanner = new ProtectedFieldScanner(Classifier);
        Text = PhraseMatcher.Create(policy.Text, regexTimeout);
        var purposeNeeds = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var purpose in policy.Consent.Purposes)
        {
            if (!purposeNeeds.ContainsKey(purpose.Id))
            {
                purposeNeeds[purpose.Id] = new HashSet<string>(purpose.Needs, StringComparer.OrdinalIgnoreCase);
            }
        }

        _purposeNeeds = purposeNeeds;
        Requirements = policy.Consent.Requirements.ToArray();
    }

    public Policy Policy { get; }

    public FieldClassifier Classifier { get; }

    public ProtectedFieldScanner Scanner { get; }

    public PhraseMatcher Text { get; }

    public ConsentRequirement[] Requirements { get; }

    /// <summary>The categories a purpose needs, or null when the purpose is not declared.</summary>
    public HashSet<string>? NeedsOf(string purpose) => _purposeNeeds.TryGetValue(purpose, out var needs) ? needs : null;

    /// <summary>What the classification says of a shared field name, cached (up to a bound, so that odd input cannot grow it forever).</summary>
    public SharedFieldClass Classify(string field)
    {
        if (_byField.TryGetValue(field, out var cached))
        {
            return cached;
        }

        var found = new List<DataCategory>();
        Classifier.CategoriesOf(field, found);
        var result = new SharedFieldClass(found.Count == 0 ? Array.Empty<DataCategory>() : found.ToArray(), found.Count == 0 && Classifier.IsUnclassifiedPersonal(field));
        if (_byField.Count < MaxCachedFieldNames)
        {
            _byField.TryAdd(field, result);
        }

        return result;
    }
}

/// <summary>A shared field's data categories, and whether it counts as personal only because nobody classified it.</summary>
internal sealed class SharedFieldClass
{
    public SharedFieldClass(DataCategory[] categories, bool unclassifiedPersonal)
    {
        Categories = categories;
        UnclassifiedPersonal = unclassifiedPersonal;
    }

    public DataCategory[] Categories { get; }

    public bool UnclassifiedPersonal { get; }
}
