namespace ServicePolicy.Input;

using ServicePolicy.Core.Model;

/// <summary>
/// Answers, for a field path, what the policy's classification says about it. A classified field
/// name matches a path when it is the whole path or its last dotted part(s): <c>gender</c>
/// matches <c>gender</c> and <c>customer.gender</c>; <c>customer.email</c> matches only paths
/// ending in <c>customer.email</c>. Names compare ignoring case.
/// </summary>
internal sealed class FieldClassifier
{
    private readonly (string Field, DataCategory Category)[] _categoryFields;
    private readonly (string Field, string Attribute)[] _protectedFields;

    public FieldClassifier(Classification classification)
    {
        _categoryFields = classification.Categories
            .SelectMany(c => c.Fields.Where(f => f.Length > 0).Select(f => (f, c)))
            .ToArray();
        _protectedFields = classification.ProtectedAttributes
            .SelectMany(a => a.Fields.Where(f => f.Length > 0).Select(f => (f, a.Id)))
            .Concat(classification.Proxies.SelectMany(p => p.Fields.Where(f => f.Length > 0).Select(f => (f, p.StandsFor.Length > 0 ? p.StandsFor : p.Id))))
            .ToArray();
    }

    public bool HasProtectedFields => _protectedFields.Length > 0;

    public static bool PathMatches(string path, string field) =>
        path.Length == field.Length
            ? string.Equals(path, field, StringComparison.OrdinalIgnoreCase)
            : path.Length > field.Length && path[path.Length - field.Length - 1] == '.' && path.EndsWith(field, StringComparison.OrdinalIgnoreCase);

    /// <summary>The protected attribute a path carries (directly or through a proxy), or null.</summary>
    public string? ProtectedAttributeOf(string path)
    {
        foreach (var (field, attribute) in _protectedFields)
        {
            if (PathMatches(path, field))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The data categories of a field (empty when it is not personal data).</summary>
    public void CategoriesOf(string path, List<DataCategory> into)
    {
        foreach (var (field, category) in _categoryFields)
        {
            if (PathMatches(path, field) && !into.Contains(category))
            {
                into.Add(category);
            }
        }
    }

    public bool IsCategorised(string path)
    {
        foreach (var (field, _) in _categoryFields)
        {
            if (PathMatches(path, field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a value of this path must not be shown: personal data, protected attributes and proxies.</summary>
    public bool IsPersonal(string path) => IsCategorised(path) || ProtectedAttributeOf(path) != null;
}
