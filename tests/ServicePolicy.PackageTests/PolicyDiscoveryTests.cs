namespace ServicePolicy.PackageTests;

using System.Text.Json;
using ServicePolicy.PackageTests.Consumers;
using ServicePolicy.PackageTests.Infrastructure;

/// <summary>How the package's buildTransitive files hand policy files to the compiler.</summary>
[Collection(PackageCollection.Name)]
public sealed class PolicyDiscoveryTests
{
    private readonly PackageFeedFixture _fixture;

    public PolicyDiscoveryTests(PackageFeedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Project_policy_file_is_passed_automatically()
    {
        var build = _fixture.PlainConsumer.AssertSucceeded();
        var items = Evaluate(build.Project, "AdditionalFiles", "ServicePolicyFile");

        Assert.Equal(new[] { Path.Combine(build.Project.Directory, "servicepolicy.yaml") }, items.Files);
        Assert.Equal("", items.Property);
    }

    [Fact]
    public void ServicePolicyFile_points_at_a_shared_policy_whose_includes_are_passed_too_and_each_file_once()
    {
        var project = SharedPolicyConsumer.Create(_fixture);
        var build = project.Build().AssertSucceeded();
        var policyFolder = Path.Combine(_fixture.Root, SharedPolicyConsumer.RepositoryFolder, "policy");

        // "miracle" is banned only by the included file, "guaranteed" only by the project's own (ignored) policy.
        Assert.Equal(project.ExpectedDiagnosticKeys(), build.ServicePolicyKeys());

        var items = Evaluate(project, "AdditionalFiles", "ServicePolicyFile");
        Assert.Equal(Path.Combine(policyFolder, "servicepolicy.yaml"), items.Property);
        Assert.Equal(
            new[] { Path.Combine(policyFolder, "banned-claims.yaml"), Path.Combine(policyFolder, "servicepolicy.yaml") },
            items.Files.Order(StringComparer.Ordinal));

        // Includes kept outside the policy's folder are named with ServicePolicyIncludeFiles (globs allowed).
        var elsewhere = Path.Combine(_fixture.Root, SharedPolicyConsumer.RepositoryFolder, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "more-claims.yaml"), "text: {}\n");
        var withIncludes = Evaluate(project, "AdditionalFiles", "ServicePolicyFile", "-p:ServicePolicyIncludeFiles=../elsewhere/*.yaml");
        Assert.Contains(Path.Combine(elsewhere, "more-claims.yaml"), withIncludes.Files);
        Assert.Equal(3, withIncludes.Files.Count);
    }

    [Fact]
    public void Invalid_policy_is_reported_at_its_line_and_column_and_fails_the_build()
    {
        var project = SampleConsumer.CreatePlain(_fixture, "broken");
        var policy = SampleConsumer.Policy.Replace("principle: P1", "principle: P42", StringComparison.Ordinal);
        project.Write("servicepolicy.yaml", policy);
        var (line, column) = Position(policy, "P42");

        var build = project.Build();

        Assert.False(build.Process.Succeeded, "An invalid policy (SP9001, an error) must fail the build. " + build.Describe());
        Assert.Contains(build.Diagnostics, d => d.Id == "SP9001" && d.Severity == "error" && d.FileName == "servicepolicy.yaml" && d.Line == line && d.Column == column);
    }

    internal static (int Line, int Column) Position(string text, string token)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(token, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new InvalidOperationException(token + " is not in the text.");
    }

    /// <summary>`dotnet msbuild -getItem -getProperty`: what the project hands to the compiler, after evaluation.</summary>
    private (IReadOnlyList<string> Files, string Property) Evaluate(ConsumerProject project, string itemType, string property, params string[] extraArguments)
    {
        var arguments = new[] { "msbuild", "Consumer.csproj", "-nologo", "-getItem:" + itemType, "-getProperty:" + property }.Concat(extraArguments).ToArray();
        var result = _fixture.DotNet.Run(project.Directory, TimeSpan.FromMinutes(2), arguments);
        Assert.True(result.Succeeded, result.Describe());
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        var files = document.RootElement.GetProperty("Items").GetProperty(itemType).EnumerateArray()
            .Select(i => i.GetProperty("FullPath").GetString()!)
            .ToList();
        return (files, document.RootElement.GetProperty("Properties").GetProperty(property).GetString() ?? "");
    }
}
