namespace ServicePolicy.Analyzers.Tests.Harness;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

/// <summary>
/// The metadata references test sources compile against: the installed net10.0 reference pack
/// (found next to the running runtime), ServicePolicy.Annotations and the real
/// Microsoft.Extensions.Logging.Abstractions. Built once per test run.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    private static readonly Lazy<MetadataReference> AnnotationsReference = new(() =>
        MetadataReference.CreateFromFile(typeof(ServicePolicy.Annotations.PersonalDataAttribute).Assembly.Location));

    private static readonly Lazy<ImmutableArray<MetadataReference>> LoggingReferences = new(() => ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)));

    /// <summary>The .NET reference assemblies (System.Runtime, System.Net.Http, System.Linq, ...).</summary>
    public static ImmutableArray<MetadataReference> NetFramework => Framework.Value;

    public static MetadataReference Annotations => AnnotationsReference.Value;

    public static ImmutableArray<MetadataReference> Logging => LoggingReferences.Value;

    /// <summary>Where the reference pack was found (for failure messages).</summary>
    public static string FrameworkSource { get; private set; } = "";

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var directory = FindReferencePack();
        if (directory != null)
        {
            FrameworkSource = directory;
            return Directory.GetFiles(directory, "*.dll")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
        }

        // No reference pack (a runtime-only machine): the implementation assemblies work as well for compiling tests.
        FrameworkSource = "TRUSTED_PLATFORM_ASSEMBLIES";
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/&lt;newest 10.x&gt;/ref/net10.0, from the running runtime's location.</summary>
    private static string? FindReferencePack()
    {
        // typeof(object) lives in dotnet/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var dotnetRoot = runtimeDirectory == null ? null : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var roots = new[] { dotnetRoot, Environment.GetEnvironmentVariable("DOTNET_ROOT"), "/usr/share/dotnet", "/usr/lib/dotnet" };
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)).Distinct())
        {
            var packs = Path.Combine(root!, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs))
            {
                continue;
            }

            var best = Directory.GetDirectories(packs)
                .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(x => x.Version is { Major: 10 } && Directory.Exists(Path.Combine(x.Directory, "ref", "net10.0")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (best.Directory != null)
            {
                return Path.Combine(best.Directory, "ref", "net10.0");
            }
        }

        return null;
    }
}
