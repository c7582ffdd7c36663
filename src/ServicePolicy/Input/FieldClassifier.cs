namespace ServicePolicy.Input;

using ServicePolicy.Core.Model;

/// <summary>
/// Answers, for a field path, what the policy's classification says about it, through the model's
/// <see cref="ClassificationIndex"/> (names match by their words: <c>customerEmail</c>,
/// <c>customer_email</c> and <c>E-Mail</c> are all <c>email</c>; <c>genderIdentity</c> carries <c>gender</c>).
/// </summary>
internal sealed class FieldClassifier
{
    private readonly ClassificationIndex _index;

    public FieldClassifier(Classification classification) => _index = new ClassificationIndex(classification);

    public bool HasProtectedFields => _index.HasProtectedFields;

    /// <summary>The protected attribute a path carries (directly, through a proxy, or as a special category), or null.</summary>
    public string? ProtectedAttributeOf(string path) => _index.ProtectedOf(path)?.Attribute;

    /// <summary>The data categories of a field (empty when it is not classified personal data).</summary>
    public void CategoriesOf(string path, List<DataCategory> into)
    {
        foreach (var category in _index.CategoriesOf(path))
        {
            if (!into.Contains(category))
            {
                into.Add(category);
            }
        }
    }

    public bool IsCategorised(string path) => _index.IsCategorised(path);

    /// <summary>True for a shared field that is neither classified nor declared non-personal, when the policy treats such fields as personal.</summary>
    public bool IsUnclassifiedPersonal(string path) => _index.IsUnclassifiedPersonal(path);

    /// <summary>True when a value of this path must not be shown: personal data, protected attributes and proxies.</summary>
    public bool IsPersonal(string path) => IsCategorised(path) || ProtectedAttributeOf(path) != null;
}
