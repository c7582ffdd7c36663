namespace ServicePolicy.Core.Loading;

using System.Globalization;
using System.Text;

/// <summary>
/// Where the binder is in the document (`rules[3].when.all[1].field`), built as a chain of small
/// links and turned into text only when an error needs it: binding a large policy then costs no
/// string building at all.
/// </summary>
internal sealed class BindPath
{
    /// <summary>The root of a policy file: its keys are named bare (`rules`, not `policy.rules`).</summary>
    public static readonly BindPath PolicyRoot = new(null, null, 0);

    /// <summary>The root of another kind of document (a tests file); its keys are named bare too.</summary>
    public static readonly BindPath DocumentRoot = new(null, null, 0);

    private readonly BindPath? _parent;
    private readonly string? _key;
    private readonly int _item;

    private BindPath(BindPath? parent, string? key, int item)
    {
        _parent = parent;
        _key = key;
        _item = item;
    }

    public BindPath Child(string key) => new(this, key, 0);

    /// <summary>The key this value sits under: its own, or for a list item the list's (`disable` for `disable[2]`).</summary>
    public string? NearestKey => _key ?? _parent?._key;

    /// <summary>The item of a list, 1-based as an author counts.</summary>
    public BindPath Item(int oneBased) => new(this, null, oneBased);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (_parent == null)
        {
            return;
        }

        _parent.Append(builder);
        if (_key != null)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(_key);
        }
        else
        {
            builder.Append('[').Append(_item.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
