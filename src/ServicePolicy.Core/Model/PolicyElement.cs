namespace ServicePolicy.Core.Model;

/// <summary>
/// Base of every object read from a policy file. It remembers where it came from, and where each
/// of its keys' values stood, so that validation can point at the exact value that is wrong.
/// </summary>
public abstract class PolicyElement
{
    private Dictionary<string, SourceLocation>? _keyLocations;

    /// <summary>Where this element starts in its file.</summary>
    public SourceLocation Location { get; internal set; }

    /// <summary>The location of the value of <paramref name="key"/> (as written in YAML), or of the element itself.</summary>
    public SourceLocation LocationOf(string key) =>
        _keyLocations != null && _keyLocations.TryGetValue(key, out var location) ? location : Location;

    /// <summary>True when the key was written in the file (as opposed to taking its default).</summary>
    public bool HasKey(string key) => _keyLocations != null && _keyLocations.ContainsKey(key);

    /// <summary>Sizes the key-location table once before a loader records <paramref name="count"/> keys (saves regrowing it key by key).</summary>
    internal void ReserveKeyLocations(int count)
    {
        if (_keyLocations == null && count > 0)
        {
            _keyLocations = new Dictionary<string, SourceLocation>(count, StringComparer.Ordinal);
        }
    }

    internal void SetKeyLocation(string key, SourceLocation location)
    {
        _keyLocations ??= new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        _keyLocations[key] = location;
    }
}
