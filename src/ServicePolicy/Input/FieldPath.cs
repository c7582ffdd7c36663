namespace ServicePolicy.Input;

/// <summary>A dotted field path (customer.tier), split once when the policy is compiled.</summary>
internal sealed class FieldPath
{
    public FieldPath(string path)
    {
        Path = path;
        Segments = path.Split('.');
        Suffixes = new string[Segments.Length];
        for (var i = 0; i < Segments.Length; i++)
        {
            Suffixes[i] = string.Join(".", Segments, i, Segments.Length - i);
        }
    }

    public string Path { get; }

    public string[] Segments { get; }

    /// <summary>Suffixes[i] is the path from segment i on ("customer.tier", then "tier"), for literal dotted keys.</summary>
    public string[] Suffixes { get; }

    public override string ToString() => Path;
}
