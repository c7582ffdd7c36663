namespace ServicePolicy.PackageTests;

using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>What each package contains, read from the .nupkg files themselves (zip archives).</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests
{
    private static readonly string[] PackageIds = { "ServicePolicy.Annotations", "ServicePolicy.Core", "ServicePolicy", "ServicePolicy.Analyzers", "ServicePolicy.Cli" };

    /// <summary>Library packages carry a .snupkg; the analyzer and tool packages carry their .pdb files inside.</summary>
    private static readonly string[] SymbolPackageIds = { "ServicePolicy.Annotations", "ServicePolicy.Core", "ServicePolicy" };

    private readonly PackageFeedFixture _fixture;

    public PackageContentsTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Pack_produces_exactly_the_contract_packages_and_their_symbol_packages()
    {
        _ = _fixture.Pack;
        var expected = PackageIds.Select(id => $"{id}.{_fixture.Version}.nupkg")
            .Concat(SymbolPackageIds.Select(id => $"{id}.{_fixture.Version}.snupkg"))
            .Order(StringComparer.Ordinal);
        var actual = Directory.EnumerateFiles(_fixture.Feed, "ServicePolicy*").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("ServicePolicy.Annotations")]
    [InlineData("ServicePolicy.Core")]
    [InlineData("ServicePolicy")]
    [InlineData("ServicePolicy.Analyzers")]
    [InlineData("ServicePolicy.Cli")]
    public void Every_package_has_readme_license_description_tags_and_repository(string packageId)
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath(packageId));
        var metadata = Nuspec(package, packageId);

        Assert.Equal(packageId, Value(metadata, "id"));
        Assert.Equal(_fixture.Version, Value(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")), "description");
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")), "authors");
        Assert.Contains("policy", Value(metadata, "tags").Split(' '));

        var license = metadata.Element(metadata.Name.Namespace + "license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", Value(metadata, "readme"));
        var readme = package.GetEntry("README.md");
        Assert.NotNull(readme);
        using (var reader = new StreamReader(readme!.Open()))
        {
            Assert.StartsWith("# " + packageId, reader.ReadToEnd(), StringComparison.Ordinal);
        }

        var repository = metadata.Element(metadata.Name.Namespace + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository!.Attribute("type"));
        Assert.StartsWith("https://github.com/", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Value(metadata, "projectUrl")), "projectUrl");
    }

    [Fact]
    public void Analyzers_package_is_a_development_dependency_with_everything_the_analyzers_load_and_no_lib()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath("ServicePolicy.Analyzers"));
        var files = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var metadata = Nuspec(package, "ServicePolicy.Analyzers");

        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "dependencies"));
        foreach (var assembly in new[] { "ServicePolicy.Analyzers", "ServicePolicy.Analyzers.CodeFixes", "ServicePolicy.Core", "ServicePolicy.YamlDotNet" })
        {
            Assert.Contains($"analyzers/dotnet/cs/{assembly}.dll", files);
        }

        // YamlDotNet under a name of its own: the compiler unifies analyzer dependencies by assembly name across
        // packages, so a plain YamlDotNet.dll would clash with other analyzer packages' copies (YamlDotNetIsolationTests).
        Assert.DoesNotContain("analyzers/dotnet/cs/YamlDotNet.dll", files);
        var core = ReadAssembly(package, "analyzers/dotnet/cs/ServicePolicy.Core.dll");
        Assert.Contains("ServicePolicy.YamlDotNet", core.References);
        Assert.DoesNotContain("YamlDotNet", core.References);
        Assert.Equal("ServicePolicy.YamlDotNet", ReadAssembly(package, "analyzers/dotnet/cs/ServicePolicy.YamlDotNet.dll").Name);

        Assert.Contains("buildTransitive/ServicePolicy.Analyzers.props", files);
        Assert.Contains("buildTransitive/ServicePolicy.Analyzers.targets", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
        // Only the analyzer's own closure: no second copy of the compiler, no build/ folder that would skip transitive use.
        Assert.DoesNotContain(files, f => f.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || f.StartsWith("build/", StringComparison.Ordinal));
    }

    [Fact]
    public void Runtime_package_targets_net8_and_net10_and_depends_on_core_of_the_same_version()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath("ServicePolicy"));
        var files = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/ServicePolicy.dll", files);
        Assert.Contains("lib/net10.0/ServicePolicy.dll", files);

        var metadata = Nuspec(package, "ServicePolicy");
        var dependencies = metadata.Descendants(metadata.Name.Namespace + "dependency").ToList();
        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "ServicePolicy.Core" && (string?)d.Attribute("version") == _fixture.Version);
        Assert.DoesNotContain(dependencies, d => (string?)d.Attribute("id") == "ServicePolicy.Analyzers");
    }

    [Fact]
    public void Cli_package_is_a_dotnet_tool_named_servicepolicy()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath("ServicePolicy.Cli"));
        var settings = package.Entries.SingleOrDefault(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.Name == "DotnetToolSettings.xml");
        Assert.NotNull(settings);
        using var stream = settings!.Open();
        var command = XDocument.Load(stream).Descendants("Command").Single();
        Assert.Equal("servicepolicy", (string?)command.Attribute("Name"));
        var entryPoint = (string?)command.Attribute("EntryPoint");
        Assert.Contains(package.Entries, e => e.FullName == Path.GetDirectoryName(settings.FullName)!.Replace('\\', '/') + "/" + entryPoint);
        var metadata = Nuspec(package, "ServicePolicy.Cli");
        Assert.Contains(metadata.Descendants(metadata.Name.Namespace + "packageType"), t => (string?)t.Attribute("name") == "DotnetTool");
    }

    [Fact]
    public void Symbol_packages_hold_the_pdb_of_every_library()
    {
        foreach (var packageId in SymbolPackageIds)
        {
            using var symbols = ZipFile.OpenRead(_fixture.PackagePath(packageId, ".snupkg"));
            using var package = ZipFile.OpenRead(_fixture.PackagePath(packageId));
            var pdbs = symbols.Entries.Select(e => e.FullName).Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            var dlls = package.Entries.Select(e => e.FullName).Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(dlls);
            Assert.All(dlls, dll => Assert.Contains(Path.ChangeExtension(dll, ".pdb"), pdbs));
        }
    }

    /// <summary>
    /// Deterministic builds: every assembly of ours in every package was compiled with /deterministic (the
    /// compiler then writes a "reproducible" debug directory entry), so the same commit packs to the same bits.
    /// </summary>
    [Fact]
    public void Every_assembly_of_ours_is_built_deterministically()
    {
        var checkedAssemblies = 0;
        foreach (var packageId in PackageIds)
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath(packageId));
            foreach (var entry in package.Entries.Where(e => e.Name.StartsWith("ServicePolicy", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal) && e.Name != "ServicePolicy.YamlDotNet.dll"))
            {
                using var reader = new PEReader(new MemoryStream(PackageEntries.ReadBytes(entry)));
                Assert.True(
                    reader.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.Reproducible),
                    $"{packageId}: {entry.FullName} was not built deterministically.");
                checkedAssemblies++;
            }
        }

        Assert.True(checkedAssemblies >= 6, $"only {checkedAssemblies} assemblies checked");
    }

    private static (string Name, IReadOnlyList<string> References) ReadAssembly(ZipArchive package, string path)
    {
        using var reader = new PEReader(new MemoryStream(PackageEntries.ReadBytes(package, path)));
        var metadata = reader.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        return (metadata.GetString(metadata.GetAssemblyDefinition().Name), references);
    }

    private static XElement Nuspec(ZipArchive package, string packageId)
    {
        var entry = package.GetEntry(packageId + ".nuspec");
        Assert.NotNull(entry);
        using var stream = entry!.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? "";
}
