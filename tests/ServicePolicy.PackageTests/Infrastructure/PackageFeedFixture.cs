namespace ServicePolicy.PackageTests.Infrastructure;

using System.Globalization;
using System.Text.Json;
using ServicePolicy.PackageTests.Consumers;

/// <summary>
/// Packs the shipped projects ONCE into a temporary local feed, and builds the consumer projects that
/// several tests look at (each built at most once, on first use). Everything lives in one temporary
/// folder with its own NuGet packages folder, deleted at the end.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    /// <summary>Set to 1 to keep the temporary folder (feed, consumers, logs) for a look after the run.</summary>
    public const string KeepVariable = "SERVICEPOLICY_KEEP_PACKAGE_TESTS";

    private readonly Lazy<ProcessResult> _pack;
    private readonly Lazy<ConsumerBuild> _plainConsumer;
    private readonly Lazy<ConsumerBuild> _conflictConsumer;

    public PackageFeedFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "sp-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        // A prerelease version no real package has: a restore can only be satisfied by this run's feed.
        Version = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        DotNet = new DotNetCli(Path.Combine(Root, "packages"));
        WriteIsolationFiles();

        _pack = new Lazy<ProcessResult>(PackShippedProjects);
        _plainConsumer = new Lazy<ConsumerBuild>(() => SampleConsumer.CreatePlain(this).BuildWithSarif());
        _conflictConsumer = new Lazy<ConsumerBuild>(() => SampleConsumer.CreateWithOtherYamlDotNetAnalyzers(this).BuildWithSarif());
    }

    /// <summary>The temporary folder; consumers are created in subfolders, so they all see its nuget.config.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>The version every package of this run has.</summary>
    public string Version { get; }

    public DotNetCli DotNet { get; }

    /// <summary>The pack of the shipped projects; throws (with the whole output) when it failed.</summary>
    public ProcessResult Pack
    {
        get
        {
            var result = _pack.Value;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Packing the shipped projects failed: " + result.Describe());
            }

            return result;
        }
    }

    /// <summary>The consumer with our packages only, built once with a SARIF log.</summary>
    public ConsumerBuild PlainConsumer => Ensure(_plainConsumer);

    /// <summary>The same consumer plus two analyzer packages that ship YamlDotNet 11, built once with a SARIF log.</summary>
    public ConsumerBuild ConflictConsumer => Ensure(_conflictConsumer);

    public string PackagePath(string packageId, string extension = ".nupkg")
    {
        _ = Pack;
        return Path.Combine(Feed, packageId + "." + Version + extension);
    }

    /// <summary>A new empty folder under the temporary root.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(Root, name);
        if (Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} exists already: every consumer needs its own folder.");
        }

        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) == "1")
        {
            return;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(500);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }

    private ConsumerBuild Ensure(Lazy<ConsumerBuild> build)
    {
        _ = Pack;
        return build.Value;
    }

    /// <summary>
    /// `dotnet pack` of the shipped projects, without building them again: the test project references them,
    /// so they were just built in this configuration. One invocation through a solution filter packs them in parallel.
    /// </summary>
    private ProcessResult PackShippedProjects()
    {
        var filter = Path.Combine(Root, "shipped.slnf");
        var solution = new
        {
            solution = new
            {
                path = Path.Combine(RepositoryBuild.Root, "ServicePolicy.sln"),
                projects = RepositoryBuild.ShippedProjects,
            },
        };
        File.WriteAllText(filter, JsonSerializer.Serialize(solution));

        var arguments = new List<string>
        {
            "pack", filter, "--no-build", "-nologo", "-v:minimal", "-nodeReuse:false",
            "-c", RepositoryBuild.Configuration, "-o", Feed,
            // The repository's versions come from git (MinVer); this run's packages get this run's version.
            "-p:MinVerVersionOverride=" + Version,
        };
        if (RepositoryBuild.ArtifactsPath != null)
        {
            arguments.Add("--artifacts-path");
            arguments.Add(RepositoryBuild.ArtifactsPath);
        }

        return DotNet.Run(Root, TimeSpan.FromMinutes(4), arguments.ToArray());
    }

    /// <summary>
    /// The consumers must see none of the repository's build files (they are not under it, but a temp folder
    /// may sit under another project), and restore our packages only from this run's feed.
    /// </summary>
    private void WriteIsolationFiles()
    {
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        // The machine's packages folder serves as a read-only fallback, so YamlDotNet or Microsoft.Extensions.*
        // are not downloaded again; our packages cannot come from there (source mapping + unique version).
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(userPackages))
        {
            userPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var fallback = Directory.Exists(userPackages)
            ? $"  <fallbackPackageFolders>\n    <clear />\n    <add key=\"machine\" value=\"{userPackages}\" />\n  </fallbackPackageFolders>\n"
            : "";
        var config = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="e2e-feed">
                  <package pattern="ServicePolicy" />
                  <package pattern="ServicePolicy.*" />
                  <package pattern="E2E.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            {fallback}</configuration>
            """;
        File.WriteAllText(Path.Combine(Root, "nuget.config"), config);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "packages";
}
