namespace ServicePolicy.PackageTests;

using System.Text.RegularExpressions;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// The README's adoption guide, followed as a newcomer follows it: a new web app, the three packages from the
/// local feed, `servicepolicy init`, the README's code pasted in. The guarded app builds clean; without its
/// guard the pipeline build fails on SP1001; with the guard back it passes.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GettingStartedTests
{
    /// <summary>In the README, the line right above a code block that is this file of the repository.</summary>
    private static readonly Regex FileBlock = new(@"<!-- (?<path>samples/GettingStarted/[A-Za-z]+\.cs) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex Guard = new(@"\n    if \(!share\.MayShare\(.*?\n    }\n", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private readonly PackageFeedFixture _fixture;

    public GettingStartedTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Readme_code_blocks_are_the_sample_files_the_test_compiles()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryBuild.Root, "README.md")).ReplaceLineEndings("\n");
        var blocks = FileBlock.Matches(readme).ToDictionary(m => m.Groups["path"].Value, m => m.Groups["code"].Value, StringComparer.Ordinal);

        Assert.Equal(new[] { "samples/GettingStarted/Program.cs", "samples/GettingStarted/Sharing.cs" }, blocks.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, code) in blocks)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryBuild.Root, path)).ReplaceLineEndings("\n"), code);
        }
    }

    [Fact]
    public void A_new_web_app_is_guarded_fails_its_pipeline_without_the_guard_and_passes_with_it()
    {
        var servicepolicy = InstallTool();
        var app = Path.Combine(_fixture.NewDirectory("getting-started"), "MyApp");

        Succeeds(_fixture.DotNet.Run(Path.GetDirectoryName(app)!, TimeSpan.FromMinutes(2), "new", "web", "-o", "MyApp"));
        foreach (var package in new[] { "ServicePolicy", "ServicePolicy.Annotations", "ServicePolicy.Analyzers" })
        {
            Succeeds(_fixture.DotNet.Run(app, TimeSpan.FromMinutes(3), "add", "package", package, "--prerelease"));
        }

        Succeeds(ProcessRunner.Run(servicepolicy, new[] { "init" }, app, TimeSpan.FromMinutes(1)));
        foreach (var file in new[] { "Program.cs", "Sharing.cs" })
        {
            File.Copy(Path.Combine(RepositoryBuild.Root, "samples", "GettingStarted", file), Path.Combine(app, file), overwrite: true);
        }

        var guarded = _fixture.DotNet.Build(app, "-p:ServicePolicyTreatFindingsAsErrors=true");
        Succeeds(guarded);
        Assert.DoesNotContain(BuildDiagnostic.Parse(guarded.Output), d => d.Id.StartsWith("SP", StringComparison.Ordinal));

        var program = Path.Combine(app, "Program.cs");
        var withGuard = File.ReadAllText(program).ReplaceLineEndings("\n");
        Assert.True(Guard.IsMatch(withGuard), "The sample's guard `if (!share.MayShare(...)) { ... }` was not found.");
        File.WriteAllText(program, Guard.Replace(withGuard, "", 1));

        var unguarded = _fixture.DotNet.Build(app, "-p:ServicePolicyTreatFindingsAsErrors=true");
        Assert.False(unguarded.Succeeded, "The share without its consent check must fail the build. " + unguarded.Describe());
        Assert.Contains(BuildDiagnostic.Parse(unguarded.Output), d => d.Id == "SP1001" && d.Severity == "error" && d.Key.StartsWith("Program.cs:", StringComparison.Ordinal));

        File.WriteAllText(program, withGuard);
        Succeeds(_fixture.DotNet.Build(app, "-p:ServicePolicyTreatFindingsAsErrors=true"));
    }

    private string InstallTool()
    {
        _ = _fixture.Pack;
        var tools = _fixture.NewDirectory("getting-started-tools");
        Succeeds(_fixture.DotNet.Run(_fixture.Root, TimeSpan.FromMinutes(3), "tool", "install", "--tool-path", tools, "ServicePolicy.Cli", "--prerelease"));
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "servicepolicy.exe" : "servicepolicy");
    }

    private static void Succeeds(ProcessResult result) => Assert.True(result.Succeeded, result.Describe());
}
