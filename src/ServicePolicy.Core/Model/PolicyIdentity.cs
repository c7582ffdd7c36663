namespace ServicePolicy.Core.Model;

using System.Security.Cryptography;
using System.Text;

/// <summary>One policy file as it was read: its own name and version, and the SHA-256 of its text.</summary>
public sealed class PolicyPack
{
    public PolicyPack(string name, string version, string file, string contentHash)
    {
        Name = name;
        Version = version;
        File = file;
        ContentHash = contentHash;
    }

    public string Name { get; }

    public string Version { get; }

    public string File { get; }

    /// <summary>Lower-case hexadecimal SHA-256 of the file's text (UTF-8).</summary>
    public string ContentHash { get; }

    public static PolicyPack Read(PolicyMetadata metadata, string file, string text) =>
        new(metadata.Name, metadata.Version, file, PolicyIdentity.Sha256(text));

    public override string ToString() => (Name.Length > 0 ? Name : File) + (Version.Length > 0 ? " " + Version : "");
}

/// <summary>
/// Which policy decided: the root file's own name and version (never one inherited from a pack it
/// includes), the packs it includes with their versions, one hash over every file's text, and the
/// rules it switches off. Decisions, decision logs and the documentation page all carry it.
/// </summary>
public sealed class PolicyIdentity
{
    public static readonly PolicyIdentity Unknown = new("", "", Array.Empty<PolicyPack>(), "", Array.Empty<string>());

    public PolicyIdentity(string name, string version, IReadOnlyList<PolicyPack> includes, string contentHash, IReadOnlyList<string> disabled)
    {
        Name = name;
        Version = version;
        Includes = includes;
        ContentHash = contentHash;
        Disabled = disabled;
    }

    public string Name { get; }

    public string Version { get; }

    /// <summary>The packs the policy includes (directly or not), in merge order.</summary>
    public IReadOnlyList<PolicyPack> Includes { get; }

    /// <summary>Lower-case hexadecimal SHA-256 over the hashes of every file, in merge order.</summary>
    public string ContentHash { get; }

    /// <summary>Rule ids switched off with `disable` or `enabled: false`.</summary>
    public IReadOnlyList<string> Disabled { get; }

    /// <summary>The identity of a loaded policy: the last pack merged is the root file.</summary>
    public static PolicyIdentity Of(Policy policy, IReadOnlyList<string> disabled)
    {
        if (policy.Packs.Count == 0)
        {
            return new PolicyIdentity(policy.Metadata.Name, policy.Metadata.Version, Array.Empty<PolicyPack>(), "", disabled);
        }

        var root = policy.Packs[policy.Packs.Count - 1];
        var includes = policy.Packs.Take(policy.Packs.Count - 1).ToArray();
        var name = root.Name.Length > 0 ? root.Name : System.IO.Path.GetFileNameWithoutExtension(root.File);
        var version = root.Version.Length > 0 ? root.Version : "unversioned";
        return new PolicyIdentity(name, version, includes, Sha256(string.Join("\n", policy.Packs.Select(p => p.ContentHash))), disabled);
    }

    /// <summary>"acme-retail 2.3.0 (includes service-ethics 1.0.0; disables P9-request-feedback; sha256 1a2b3c4d5e6f)".</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name.Length > 0 ? Name : "(unnamed)");
        if (Version.Length > 0)
        {
            text.Append(' ').Append(Version);
        }

        var details = new List<string>();
        if (Includes.Count > 0)
        {
            details.Add("includes " + string.Join(", ", Includes));
        }

        if (Disabled.Count > 0)
        {
            details.Add("disables " + string.Join(", ", Disabled));
        }

        if (ContentHash.Length > 0)
        {
            details.Add("sha256 " + ContentHash.Substring(0, 12));
        }

        return details.Count == 0 ? text.ToString() : text.Append(" (").Append(string.Join("; ", details)).Append(')').ToString();
    }

    internal static string Sha256(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
