namespace ServicePolicy.Compilation;

using System.Collections.Concurrent;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;
using ServicePolicy.Input;

/// <summary>What every action of one compiled policy shares: the classification, consent, authority, SLA and text tables, prepared once.</summary>
internal sealed class PolicyContext
{
    private const int MaxCachedFieldNames = 4096;
    private readonly ConcurrentDictionary<string, DataCategory[]> _categoriesByField = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _purposeNeeds;

    // The categories of every field name the classification lists. A name without a dot matches a
    // classified field only when equal to it (ignoring case), so for such names this table is the
    // whole answer; dotted paths (customer.email) go through the cache above. (A plain Dictionary:
    // a FrozenDictionary with OrdinalIgnoreCase picked length buckets here and compared every name
    // of the bucket, 3x slower on the seed pack's classification.)
    private readonly Dictionary<string, DataCategory[]> _categoriesByName;

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
        var byName = new Dictionary<string, DataCategory[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in policy.Classification.Categories)
        {
            foreach (var field in category.Fields)
            {
                if (field.Length > 0 && field.IndexOf('.') < 0 && !byName.ContainsKey(field))
                {
                    var found = new List<DataCategory>();
                    Classifier.CategoriesOf(field, found);
                    byName[field] = found.ToArray();
                }
            }
        }

        _categoriesByName = byName;

        Requirements = policy.Consent.Requirements.ToArray();
    }

    public Policy Policy { get; }

    public FieldClassifier Classifier { get; }

    public ProtectedFieldScanner Scanner { get; }

    public PhraseMatcher Text { get; }

    public ConsentRequirement[] Requirements { get; }

    /// <summary>The categories a purpose needs, or null when the purpose is not declared.</summary>
    public HashSet<string>? NeedsOf(string purpose) => _purposeNeeds.TryGetValue(purpose, out var needs) ? needs : null;

    /// <summary>The data categories of a shared field name, cached (up to a bound, so that odd input cannot grow it forever).</summary>
    public DataCategory[] CategoriesOf(string field)
    {
        if (field.IndexOf('.') < 0)
        {
            return _categoriesByName.TryGetValue(field, out var named) ? named : Array.Empty<DataCategory>();
        }

        if (_categoriesByField.TryGetValue(field, out var cached))
        {
            return cached;
        }

        var found = new List<DataCategory>();
        Classifier.CategoriesOf(field, found);
        var categories = found.Count == 0 ? Array.Empty<DataCategory>() : found.ToArray();
        if (_categoriesByField.Count < MaxCachedFieldNames)
        {
            _categoriesByField.TryAdd(field, categories);
        }

        return categories;
    }
}
