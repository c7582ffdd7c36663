namespace ServicePolicy.Core.Schema;

/// <summary>
/// A JSON object that keeps its keys in insertion order, so that the generated schema is the
/// same text on every run and diffs of the checked-in file show only real changes.
/// </summary>
internal sealed class JsonObject
{
    private readonly List<KeyValuePair<string, object>> _members = new();

    public IReadOnlyList<KeyValuePair<string, object>> Members => _members;

    /// <summary>Adds a member: a string, bool, int, <see cref="JsonObject"/> or a list of those.</summary>
    public JsonObject Add(string key, object value)
    {
        _members.Add(new KeyValuePair<string, object>(key, value));
        return this;
    }
}
