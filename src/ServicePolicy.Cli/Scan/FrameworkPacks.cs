namespace ServicePolicy.Cli.Scan;

using System.Runtime.InteropServices;

/// <summary>
/// The reference assemblies of shared frameworks (Microsoft.NETCore.App, Microsoft.AspNetCore.App, ...),
/// from the reference packs in the installed SDK's <c>packs</c> folder: the pack of the project's .NET
/// version when installed, else the nearest newer one, else the newest. When no pack is installed
/// at all, the running runtime's own assemblies stand in for Microsoft.NETCore.App.
/// </summary>
public sealed class FrameworkPacks
{
    private readonly string _packsFolder;
    private readonly Dictionary<(string, int?), PackChoice?> _cache = new();

    public FrameworkPacks()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ → .../dotnet/packs
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        _packsFolder = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs"));
    }

    /// <summary>One framework's assemblies, and a note when the pack's version differs from the project's.</summary>
    public sealed record PackChoice(string Framework, string Version, IReadOnlyList<string> Assemblies, string? Note);

    public PackChoice? Find(string framework, int? netMajor)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue((framework, netMajor), out var choice))
            {
                choice = Locate(framework, netMajor);
                _cache[(framework, netMajor)] = choice;
            }

            return choice;
        }
    }

    private PackChoice? Locate(string framework, int? netMajor)
    {
        var packFolder = Path.Combine(_packsFolder, framework + ".Ref");
        var candidates = !Directory.Exists(packFolder)
            ? new List<(string Folder, Version Version)>()
            : Directory.GetDirectories(packFolder)
                .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(x => x.Version != null)
                .Select(x => (x.Folder, Version: x.Version!))
                .ToList();
        var ordered = candidates
            .OrderBy(c => netMajor == null ? 0 : c.Version.Major == netMajor ? 0 : c.Version.Major > netMajor ? 1 : 2)
            .ThenBy(c => netMajor != null && c.Version.Major > netMajor ? c.Version.Major : -c.Version.Major)
            .ThenByDescending(c => c.Version);
        foreach (var (folder, version) in ordered)
        {
            var refFolder = Path.Combine(folder, "ref", $"net{version.Major}.{version.Minor}");
            if (Directory.Exists(refFolder))
            {
                var note = netMajor != null && version.Major != netMajor ? $"{framework} {netMajor}.0 is not installed; bound against {version}" : null;
                return new PackChoice(framework, version.ToString(), Directory.GetFiles(refFolder, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList(), note);
            }
        }

        if (framework == "Microsoft.NETCore.App")
        {
            var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
            var assemblies = trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => p.StartsWith(runtimeDirectory, StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            return new PackChoice(framework, Environment.Version.ToString(), assemblies, "no reference pack is installed; bound against the running runtime's assemblies");
        }

        return null;
    }
}
