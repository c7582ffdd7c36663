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

    public PolicyContext(Policy policy, TimeSpan regexTimeout)
    {
        Policy = policy;
        Classifier = new FieldClassifier(policy.Classification);
        Scanner = new ProtectedFieldScanner(Classifier);
        Text = PhraseMatcher.Create(policy.Text, regexTimeout);
        _purposeNeeds = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var purpose in policy.Consent.Purposes)
        {
            if (!_purposeNeeds.ContainsKey(purpose.Id))
            {
                _purposeNeeds[purpose.Id] = new HashSet<string>(purpose.Needs, StringComparer.OrdinalIgnoreCase);
            }
        }

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
