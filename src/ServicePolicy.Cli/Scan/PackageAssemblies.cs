namespace ServicePolicy.Cli.Scan;

using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// The compile-time assemblies of a project's NuGet packages. When the project was restored,
/// obj/project.assets.json lists every package, direct and transitive, with the exact files the
/// compiler gets, and the frameworks packages bring. Otherwise the direct PackageReference items are
/// looked up in the NuGet global packages folder (the version named, else the newest there), and
/// transitive packages are missing: the binding line shows what that cost.
/// </summary>
public static class PackageAssemblies
{
    private static readonly Regex FolderFramework = new(@"^(net|netcoreapp|netstandard)(\d+)\.(\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public sealed record Resolution(IReadOnlyList<string> Assemblies, IReadOnlyList<string> FrameworkReferences, string Source, IReadOnlyList<string> Missing);

    public static Resolution Resolve(MsBuildProject project)
    {
        var assets = Path.Combine(project.Folder, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            var fromAssets = FromAssets(assets, project.TargetFramework);
            if (fromAssets != null)
            {
                return fromAssets;
            }
        }

        return FromCache(project);
    }

    private static Resolution? FromAssets(string assetsPath, string targetFramework)
    {
        try
        {
            using var stream = File.OpenRead(assetsPath);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var folders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToList();
            var targets = root.GetProperty("targets").EnumerateObject().ToList();
            // "net8.0" or ".NETCoreApp,Version=v8.0"; never a runtime-specific target ("net8.0/linux-x64").
            var target = targets.FirstOrDefault(t => string.Equals(t.Name, targetFramework, StringComparison.OrdinalIgnoreCase));
            if (target.Value.ValueKind == JsonValueKind.Undefined)
            {
                target = targets.FirstOrDefault(t => !t.Name.Contains('/', StringComparison.Ordinal));
            }

            if (target.Value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            var libraries = root.GetProperty("libraries");
            var assemblies = new List<string>();
            var missing = new List<string>();
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package" || !library.Value.TryGetProperty("compile", out var compile))
                {
                    continue;
                }

                var relative = libraries.TryGetProperty(library.Name, out var entry) && entry.TryGetProperty("path", out var path) ? path.GetString() ?? "" : library.Name.ToLowerInvariant();
                foreach (var file in compile.EnumerateObject().Select(f => f.Name).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    var full = folders.Select(f => Path.Combine(f, relative, file)).FirstOrDefault(File.Exists);
                    if (full != null)
                    {
                        assemblies.Add(full);
                    }
                    else
                    {
                        missing.Add($"{library.Name} ({file})");
                    }
                }
            }

            var frameworks = new List<string>();
            if (root.TryGetProperty("project", out var projectSection) && projectSection.TryGetProperty("frameworks", out var frameworkSection))
            {
                foreach (var framework in frameworkSection.EnumerateObject())
                {
                    if (framework.Value.TryGetProperty("frameworkReferences", out var references))
                    {
                        frameworks.AddRange(references.EnumerateObject().Select(r => r.Name));
                    }
                }
            }

            return new Resolution(assemblies, frameworks.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), "obj/project.assets.json", missing);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An unreadable assets file: fall back to the package cache, as for a project never restored.
            return null;
        }
    }

    private static Resolution FromCache(MsBuildProject project)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var assemblies = new List<string>();
        var missing = new List<string>();
        var netMajor = SdkDefaults.NetMajor(project.TargetFramework) ?? 99;
        foreach (var (id, version) in project.PackageReferences)
        {
            var packageFolder = Path.Combine(cache, id.ToLowerInvariant());
            var versionFolder = Directory.Exists(packageFolder) ? ChooseVersion(packageFolder, version) : null;
            var files = versionFolder == null ? null : CompileAssemblies(versionFolder, netMajor);
            if (files == null)
            {
                missing.Add(version.Length > 0 ? $"{id} {version}" : id);
            }
            else
            {
                assemblies.AddRange(files);
            }
        }

        return new Resolution(assemblies, Array.Empty<string>(), project.PackageReferences.Count == 0 ? "no packages" : "NuGet cache (direct references only; not restored)", missing);
    }

    private static string? ChooseVersion(string packageFolder, string version)
    {
        var exact = Path.Combine(packageFolder, version.Trim('[', ']', ' ').ToLowerInvariant());
        if (version.Length > 0 && Directory.Exists(exact))
        {
            return exact;
        }

        return Directory.GetDirectories(packageFolder)
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Folder)
            .FirstOrDefault();
    }

    /// <summary>The assemblies of ref/ (else lib/) for the newest framework folder the project can use.</summary>
    private static List<string>? CompileAssemblies(string versionFolder, int netMajor)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var folder = Path.Combine(versionFolder, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var best = Directory.GetDirectories(folder)
                .Select(d => (Folder: d, Rank: Rank(Path.GetFileName(d), netMajor)))
                .Where(x => x.Rank > 0)
                .OrderByDescending(x => x.Rank)
                .Select(x => x.Folder)
                .FirstOrDefault();
            if (best != null)
            {
                return Directory.GetFiles(best, "*.dll").ToList();
            }
        }

        return null;
    }

    /// <summary>How well a package's framework folder suits a .NET project: .NET versions up to its own first, then .NET Standard; 0 unusable.</summary>
    private static int Rank(string folderName, int netMajor)
    {
        var match = FolderFramework.Match(folderName);
        if (!match.Success)
        {
            return 0;
        }

        var major = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[1].Value.ToLowerInvariant() switch
        {
            "netstandard" => 100 + (major * 10) + minor,
            "netcoreapp" => 200 + (major * 10) + minor,
            _ => major <= netMajor ? 1000 + major : 0,
        };
    }
}
