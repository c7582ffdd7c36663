namespace ServicePolicy.PackageTests;

using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using ServicePolicy.PackageTests.Consumers;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// The ReadyToRun images of the analyzers package (readytorun/&lt;rid&gt;/): precompiled copies of the shipped
/// IL assemblies, which buildTransitive/ServicePolicy.Analyzers.targets gives the compiler instead of the IL
/// when `dotnet build` runs on their platform (docs/performance.md says why).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadyToRunTests
{
    private const string ImagePlatform = "linux-x64";

    private static readonly string[] CompiledAssemblies = { "ServicePolicy.Analyzers", "ServicePolicy.Core", "ServicePolicy.YamlDotNet" };

    private readonly PackageFeedFixture _fixture;

    public ReadyToRunTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Images_are_precompiled_copies_of_the_shipped_IL_assemblies()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath("ServicePolicy.Analyzers"));
        var images = package.Entries.Where(e => e.FullName.StartsWith("readytorun/", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal);
        var expected = CompiledAssemblies.Append("ServicePolicy.Analyzers.CodeFixes").Select(a => $"readytorun/{ImagePlatform}/{a}.dll").Order(StringComparer.Ordinal);
        Assert.Equal(expected, images);

        foreach (var assembly in CompiledAssemblies)
        {
            var il = ReadPortableExecutable(package, $"analyzers/dotnet/cs/{assembly}.dll");
            var image = ReadPortableExecutable(package, $"readytorun/{ImagePlatform}/{assembly}.dll");
            Assert.False(il.IsReadyToRun, assembly + " in analyzers/dotnet/cs must stay plain IL, loadable by every host");
            Assert.True(image.IsReadyToRun, assembly + " in readytorun/ has no ReadyToRun header");
            // The same module (its metadata is carried over unchanged): an image of what ships as IL, not of another build.
            Assert.Equal(il.Mvid, image.Mvid);
        }

        // The code fixes never run in the command-line compiler: the IL file itself, so the folder is complete.
        Assert.Equal(PackageEntries.ReadBytes(package, "analyzers/dotnet/cs/ServicePolicy.Analyzers.CodeFixes.dll"), PackageEntries.ReadBytes(package, $"readytorun/{ImagePlatform}/ServicePolicy.Analyzers.CodeFixes.dll"));
    }

    [Fact]
    public void Dotnet_build_gives_the_compiler_the_images_of_its_platform_unless_turned_off()
    {
        var project = SampleConsumer.CreatePlain(_fixture, "readytorun");
        var build = project.Build().AssertSucceeded();

        var defaultAnalyzers = ServicePolicyAnalyzers(project);
        var ilAnalyzers = ServicePolicyAnalyzers(project, "-p:ServicePolicyUseReadyToRun=false");

        var expectedFolder = RuntimeInformation.RuntimeIdentifier == ImagePlatform ? $"readytorun/{ImagePlatform}/" : "analyzers/dotnet/cs/";
        Assert.Equal(4, defaultAnalyzers.Count);
        Assert.All(defaultAnalyzers, path => Assert.Contains(expectedFolder, path, StringComparison.Ordinal));
        Assert.Equal(4, ilAnalyzers.Count);
        Assert.All(ilAnalyzers, path => Assert.Contains("analyzers/dotnet/cs/", path, StringComparison.Ordinal));

        // What the analyzers find does not depend on which copy the compiler loaded.
        var expected = project.ExpectedDiagnosticKeys().Order(StringComparer.Ordinal);
        Assert.Equal(expected, build.ServicePolicyKeys());
        Assert.Equal(expected, project.Build("--no-incremental", "-p:ServicePolicyUseReadyToRun=false").AssertSucceeded().ServicePolicyKeys());
    }

    /// <summary>The ServicePolicy.Analyzers package's Analyzer items once NuGet's and our targets ran, read with MSBuild's -getItem.</summary>
    private static List<string> ServicePolicyAnalyzers(ConsumerProject project, params string[] properties)
    {
        var arguments = new List<string> { "msbuild", "-nologo", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer" };
        arguments.AddRange(properties);
        var result = project.Fixture.DotNet.Run(project.Directory, TimeSpan.FromMinutes(2), arguments.ToArray());
        Assert.True(result.Succeeded, result.Describe());
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
            .Where(path => path.Contains("/servicepolicy.analyzers/", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static (bool IsReadyToRun, Guid Mvid) ReadPortableExecutable(ZipArchive package, string path)
    {
        using var reader = new PEReader(new MemoryStream(PackageEntries.ReadBytes(package, path)));
        var metadata = reader.GetMetadataReader();
        var isReadyToRun = reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        return (isReadyToRun, metadata.GetGuid(metadata.GetModuleDefinition().Mvid));
    }
}
