namespace ServicePolicy.Core.Model;

/// <summary>What a name carries that must never decide how a customer is treated.</summary>
public sealed class ProtectedMeaning
{
    public ProtectedMeaning(string attribute, string phrase, string? proxy = null)
    {
        Attribute = attribute;
        Phrase = phrase;
        Proxy = proxy;
    }

    /// <summary>The proxy's id when the name stands in for the attribute; null when it is the attribute itself.</summary>
    public string? Proxy { get; }

    /// <summary>The protected attribute (or special category) the name carries, directly or through a proxy.</summary>
    public string Attribute { get; }

    /// <summary>How messages name it: "the protected attribute `gender`", "`first-name`, a declared proxy for `gender`".</summary>
    public string Phrase { get; }
}

/// <summary>
/// A policy's classification as look-ups by name, matched by words (<see cref="FieldNames"/>). The
/// engine and the validator both ask it, so a name means the same to both.
/// </summary>
public sealed class ClassificationIndex
{
    private readonly FieldNameIndex<DataCategory> _categories = new();
    private readonly FieldNameIndex<ProtectedMeaning> _protected = new();
    private readonly FieldNameIndex<ProtectedMeaning> _special = new();
    private readonly HashSet<string> _nonPersonal = new(StringComparer.Ordinal);

    public ClassificationIndex(Classification classification)
    {
        foreach (var category in classification.Categories)
        {
            var special = new ProtectedMeaning(category.Id, $"the special category `{category.Id}`");
            foreach (var field in category.Fields)
            {
                _categories.Add(field, category);

                // Special categories (health, beliefs...) decide nothing, like protected attributes.
                if (category.Level == DataLevel.Special)
                {
                    _special.Add(field, special);
                }
            }
        }

        foreach (var attribute in classification.ProtectedAttributes)
        {
            var meaning = new ProtectedMeaning(attribute.Id, $"the protected attribute `{attribute.Id}`");
            foreach (var field in attribute.Fields)
            {
                AddWithLastPart(_protected, field, meaning);
            }

            // An attribute declared without fields is still caught by its own name.
            if (attribute.Fields.Count == 0)
            {
                _protected.Add(attribute.Id, meaning);
            }
        }

        foreach (var proxy in classification.Proxies)
        {
            var meaning = new ProtectedMeaning(proxy.StandsFor.Length > 0 ? proxy.StandsFor : proxy.Id, $"`{proxy.Id}`, a declared proxy for `{proxy.StandsFor}`", proxy.Id);
            foreach (var field in proxy.Fields)
            {
                AddWithLastPart(_protected, field, meaning);
            }
        }

        foreach (var field in classification.NonPersonal)
        {
            _nonPersonal.Add(FieldNames.Key(field));
        }

        UnclassifiedArePersonal = classification.UnclassifiedFields == UnclassifiedFields.Personal;
    }

    // `customer.age` classified, `age` tested: the same trait under a shorter path still counts.
    private static void AddWithLastPart(FieldNameIndex<ProtectedMeaning> index, string field, ProtectedMeaning meaning)
    {
        index.Add(field, meaning);
        var lastDot = field.LastIndexOf('.');
        if (lastDot >= 0 && lastDot < field.Length - 1)
        {
            index.Add(field.Substring(lastDot + 1), meaning);
        }
    }

    public bool HasProtectedFields => !_protected.IsEmpty || !_special.IsEmpty;

    public bool UnclassifiedArePersonal { get; }

    /// <summary>The protected attribute, proxy or special category a name carries, or null.</summary>
    public ProtectedMeaning? ProtectedOf(string name)
    {
        if (IsDeclaredNonPersonal(name))
        {
            return null;
        }

        var found = _protected.Find(name);
        if (found.Count > 0)
        {
            return found[0];
        }

        found = _special.Find(name);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The data categories a name belongs to (empty when none).</summary>
    public List<DataCategory> CategoriesOf(string name) => IsDeclaredNonPersonal(name) ? new List<DataCategory>() : _categories.Find(name);

    public bool IsCategorised(string name) => !IsDeclaredNonPersonal(name) && _categories.Matches(name);

    // Whole names only (the full path, or its last part): declaring `sku` non-personal must not
    // open `skuOwnerEmail`.
    public bool IsDeclaredNonPersonal(string name)
    {
        if (_nonPersonal.Count == 0)
        {
            return false;
        }

        var lastDot = name.LastIndexOf('.');
        return _nonPersonal.Contains(FieldNames.Key(name)) || (lastDot >= 0 && _nonPersonal.Contains(FieldNames.Key(name.Substring(lastDot + 1))));
    }

    /// <summary>True for a name that is neither classified nor declared non-personal, when the policy treats such names as personal (its default).</summary>
    public bool IsUnclassifiedPersonal(string name) => UnclassifiedArePersonal && !IsCategorised(name) && !IsDeclaredNonPersonal(name) && ProtectedOf(name) == null;
}
