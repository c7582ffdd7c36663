namespace ServicePolicy.PackageTests;

using ServicePolicy.PackageTests.Consumers;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>The command-line tool, installed from its package the way users install it.</summary>
[Collection(PackageCollection.Name)]
public sealed class CliToolPackageTests
{
    private readonly PackageFeedFixture _fixture;

    public CliToolPackageTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Installed_tool_validates_policies_with_exit_codes_and_locations()
    {
        _ = _fixture.Pack;
        // The feed comes from the nuget.config of the temporary folder (package source mapping forbids --add-source).
        var tools = _fixture.NewDirectory("tools");
        var install = _fixture.DotNet.Run(
            _fixture.Root,
            TimeSpan.FromMinutes(3),
            "tool", "install", "--tool-path", tools, "ServicePolicy.Cli", "--version", _fixture.Version);
        Assert.True(install.Succeeded, install.Describe());
        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "servicepolicy.exe" : "servicepolicy");
        Assert.True(File.Exists(command), "No `servicepolicy` command after the install. " + install.Describe());

        var policies = _fixture.NewDirectory("cli-policies");
        File.WriteAllText(Path.Combine(policies, "good.policy.yaml"), SampleConsumer.Policy);
        var broken = SampleConsumer.Policy.Replace("principle: P1", "principle: P42", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(policies, "broken.policy.yaml"), broken);

        var good = ProcessRunner.Run(command, new[] { "validate", "good.policy.yaml" }, policies, TimeSpan.FromMinutes(1));
        Assert.True(good.ExitCode == 0, good.Describe());

        var bad = ProcessRunner.Run(command, new[] { "validate", "broken.policy.yaml" }, policies, TimeSpan.FromMinutes(1));
        Assert.True(bad.ExitCode == 1, bad.Describe());
        var (line, column) = PolicyDiscoveryTests.Position(broken, "P42");
        Assert.Contains($"broken.policy.yaml:{line}:{column}", bad.Output, StringComparison.Ordinal);
    }
}
