namespace ServicePolicy.Cli.Scan;

using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

/// <summary>
/// The framework references for a scan without a build: the SDK's reference pack for the running
/// runtime's major version when installed, else the running runtime's own assemblies. The
/// ServicePolicy annotations ship with the tool and are added too, so annotated code binds.
/// </summary>
public static class ReferenceAssemblies
{
    public static IReadOnlyList<MetadataReference> Load()
    {
        var paths = FromReferencePack() ?? FromRuntime();
        var annotations = Path.Combine(AppContext.BaseDirectory, "ServicePolicy.Annotations.dll");
        if (File.Exists(annotations))
        {
            paths = paths.Append(annotations).ToList();
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static List<string>? FromReferencePack()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ → .../dotnet/packs/Microsoft.NETCore.App.Ref/10.0.*/ref/net10.0
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var major = Environment.Version.Major;
        var best = Directory.GetDirectories(packs)
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(x => x.Version != null && x.Version.Major == major)
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Folder, "ref", $"net{major}.0"))
            .FirstOrDefault(Directory.Exists);
        return best == null ? null : Directory.GetFiles(best, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static List<string> FromRuntime()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(runtimeDirectory, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }
}
