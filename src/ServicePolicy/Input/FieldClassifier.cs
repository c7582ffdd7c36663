namespace ServicePolicy.Input;

using ServicePolicy.Core.Model;

/// <summary>
/// Answers, for a field path, what the policy's classification says about it. Names match by their
/// words (<see cref="FieldNames"/>): <c>customerEmail</c>, <c>customer_email</c> and <c>E-Mail</c>
/// are all the classified field <c>email</c>; <c>genderIdentity</c> carries <c>gender</c>.
/// </summary>
internal sealed class FieldClassifier
{
    private readonly FieldNameIndex<DataCategory> _categories = new();
    private readonly FieldNameIndex<string> _protected = new();
    private readonly FieldNameIndex<string> _special = new();
    private readonly FieldNameIndex<bool> _nonPersonal = new();
    private readonly bool _unclassifiedArePersonal;

    public FieldClassifier(Classification classification)
    {
        foreach (var category in classification.Categories)
        {
            foreach (var field in category.Fields)
            {
                _categories.Add(field, category);

                // Special categories (health, beliefs...) decide nothing, like protected attributes.
                if (category.Level == DataLevel.Special)
                {
                    _special.Add(field, category.Id);
                }
            }
        }

        foreach (var attribute in classification.ProtectedAttributes)
        {
            foreach (var field in attribute.Fields)
            {
                _protected.Add(field, attribute.Id);
            }
        }

        foreach (var proxy in classification.Proxies)
        {
            foreach (var field in proxy.Fields)
            {
                _protected.Add(field, proxy.StandsFor.Length > 0 ? proxy.StandsFor : proxy.Id);
            }
        }

        foreach (var field in classification.NonPersonal)
        {
            _nonPersonal.Add(field, true);
        }

        _unclassifiedArePersonal = classification.UnclassifiedFields == UnclassifiedFields.Personal;
    }

    public bool HasProtectedFields => !_protected.IsEmpty || !_special.IsEmpty;

    /// <summary>The protected attribute a path carries (directly, through a proxy, or as a special category), or null.</summary>
    public string? ProtectedAttributeOf(string path)
    {
        var attributes = _protected.Find(path);
        if (attributes.Count > 0)
        {
            return attributes[0];
        }

        var special = _special.Find(path);
        return special.Count > 0 ? special[0] : null;
    }

    /// <summary>The data categories of a field (empty when it is not classified personal data).</summary>
    public void CategoriesOf(string path, List<DataCategory> into)
    {
        foreach (var category in _categories.Find(path))
        {
            if (!into.Contains(category))
            {
                into.Add(category);
            }
        }
    }

    public bool IsCategorised(string path) => _categories.Matches(path);

    /// <summary>True when the policy declares the field not personal.</summary>
    public bool IsDeclaredNonPersonal(string path) => _nonPersonal.Matches(path);

    /// <summary>
    /// True for a shared field that is neither classified nor declared non-personal, when the policy
    /// treats such fields as personal (its default).
    /// </summary>
    public bool IsUnclassifiedPersonal(string path) => _unclassifiedArePersonal && !IsCategorised(path) && !IsDeclaredNonPersonal(path) && ProtectedAttributeOf(path) == null;

    /// <summary>True when a value of this path must not be shown: personal data, protected attributes and proxies.</summary>
    public bool IsPersonal(string path) => IsCategorised(path) || ProtectedAttributeOf(path) != null;
}
