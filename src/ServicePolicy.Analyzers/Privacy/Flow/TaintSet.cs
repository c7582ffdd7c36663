namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Immutable;
using System.Text;

/// <summary>
/// An immutable, small set of taint labels. Most values carry zero or one label, so a plain array with
/// reference comparison beats a hash set; the set is capped so that a value built from hundreds of
/// personal fields does not make every union quadratic.
/// </summary>
internal readonly struct TaintSet
{
    private const int MaxLabels = 8;

    private readonly ImmutableArray<TaintLabel> labels;

    private TaintSet(ImmutableArray<TaintLabel> labels) => this.labels = labels;

    public static TaintSet Empty => default;

    public static TaintSet Of(TaintLabel label) => new(ImmutableArray.Create(label));

    public ImmutableArray<TaintLabel> Labels => labels.IsDefault ? ImmutableArray<TaintLabel>.Empty : labels;

    public bool IsEmpty => labels.IsDefaultOrEmpty;

    /// <summary>True when at least one label is real personal data (not only a parameter marker).</summary>
    public bool HasPersonalData
    {
        get
        {
            foreach (var label in Labels)
            {
                if (!label.IsParameterMarker)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Only the labels a predicate keeps (e.g. the data that must be redacted in logs).</summary>
    public TaintSet Where(System.Func<TaintLabel, bool> keep)
    {
        var all = true;
        foreach (var label in Labels)
        {
            all &= keep(label);
        }

        if (all)
        {
            return this;
        }

        var kept = Labels.RemoveAll(l => !keep(l));
        return kept.IsEmpty ? Empty : new TaintSet(kept);
    }

    public TaintSet Union(TaintSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        ImmutableArray<TaintLabel>.Builder? builder = null;
        foreach (var label in other.labels)
        {
            if (Contains(label) || (builder != null && builder.Contains(label)))
            {
                continue;
            }

            if (labels.Length + (builder?.Count ?? 0) >= MaxLabels)
            {
                break;
            }

            builder ??= ImmutableArray.CreateBuilder<TaintLabel>();
            builder.Add(label);
        }

        return builder == null ? this : new TaintSet(labels.AddRange(builder));
    }

    public TaintSet Add(TaintLabel? label) => label == null ? this : Union(Of(label));

    public bool Contains(TaintLabel label)
    {
        foreach (var existing in Labels)
        {
            if (ReferenceEquals(existing, label))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only the real personal data, without summary markers.</summary>
    public TaintSet WithoutParameterMarkers() => HasMarkers() ? Where(l => !l.IsParameterMarker) : this;

    public bool SetEquals(TaintSet other)
    {
        if (Labels.Length != other.Labels.Length)
        {
            return false;
        }

        foreach (var label in Labels)
        {
            if (!other.Contains(label))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The data named for a diagnostic: "Customer.Email, Customer.Phone".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var label in Labels)
        {
            if (label.IsParameterMarker || seen.Contains(label.Description))
            {
                continue;
            }

            seen.Add(label.Description);
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(label.Description);
        }

        return text.ToString();
    }

    private bool HasMarkers()
    {
        foreach (var label in Labels)
        {
            if (label.IsParameterMarker)
            {
                return true;
            }
        }

        return false;
    }
}
