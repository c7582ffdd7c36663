namespace ServicePolicy.Cli.Tests;

using System.Text.RegularExpressions;

public sealed class InitCommandTests
{
    private const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">

          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>

        </Project>

        """;

    [Fact]
    public void Init_writes_the_seed_pack_with_a_schema_line_that_resolves_beside_it_and_the_project_item()
    {
        using var temp = new TempFolder();
        var project = temp.Write("MyApp/MyApp.csproj", WebProject);

        var result = CliRunner.RunIn(Path.Combine(temp.Path, "MyApp"), null, "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = File.ReadAllText(Path.Combine(temp.Path, "MyApp", "servicepolicy.yaml"));
        var schemaLine = policy.Split('\n')[0];
        Assert.Equal("# yaml-language-server: $schema=./servicepolicy.schema.json", schemaLine);
        Assert.True(File.Exists(Path.Combine(temp.Path, "MyApp", "servicepolicy.schema.json")), "the schema the first line names must be there");
        Assert.Contains("name: service-ethics", policy, StringComparison.Ordinal);

        var projectText = File.ReadAllText(project);
        Assert.Contains("<None Update=\"servicepolicy.yaml\" CopyToOutputDirectory=\"PreserveNewest\" />", projectText, StringComparison.Ordinal);
        Assert.Contains("<Content Remove=\"servicepolicy.schema.json\" />", projectText, StringComparison.Ordinal);
        // One item group added right above </Project>; the rest of the file as the user wrote it.
        Assert.Equal(WebProject, Regex.Replace(projectText, "  <ItemGroup>\n(?:.*\n)*?  </ItemGroup>\n(?=</Project>)", ""));

        // The written policy is valid and its own tests pass where it landed.
        var test = CliRunner.RunIn(Path.Combine(temp.Path, "MyApp"), null, "test", "servicepolicy.yaml");
        Assert.True(test.ExitCode == 0, test.ToString());
    }

    [Fact]
    public void Init_minimal_writes_the_minimal_start()
    {
        using var temp = new TempFolder();
        temp.Write("App.csproj", WebProject);

        var result = CliRunner.RunIn(temp.Path, null, "init", ".", "--minimal");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = File.ReadAllText(Path.Combine(temp.Path, "servicepolicy.yaml"));
        Assert.Contains("name: minimal", policy, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=./servicepolicy.schema.json\n", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_refuses_to_overwrite_a_policy_and_changes_nothing()
    {
        using var temp = new TempFolder();
        var project = temp.Write("App.csproj", WebProject);
        var policy = temp.Write("servicepolicy.yaml", "apiVersion: servicepolicy/v1\n");

        var result = CliRunner.RunIn(temp.Path, null, "init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("init-exists", result.Error, StringComparison.Ordinal);
        Assert.Equal("apiVersion: servicepolicy/v1\n", File.ReadAllText(policy));
        Assert.Equal(WebProject, File.ReadAllText(project));
        Assert.False(File.Exists(Path.Combine(temp.Path, "servicepolicy.schema.json")));
    }

    [Theory]
    [InlineData(new string[0], "holds no .csproj file")]
    [InlineData(new[] { "A.csproj", "B.csproj" }, "holds several project files (A.csproj, B.csproj)")]
    public void Init_refuses_a_folder_without_exactly_one_project(string[] projects, string expected)
    {
        using var temp = new TempFolder();
        foreach (var name in projects)
        {
            temp.Write(name, WebProject);
        }

        var result = CliRunner.RunIn(temp.Path, null, "init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "servicepolicy.yaml")));
    }

    [Fact]
    public void Init_leaves_a_project_that_names_the_policy_already_as_it_is()
    {
        using var temp = new TempFolder();
        const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <None Update=\"servicepolicy.yaml\" CopyToOutputDirectory=\"Always\" />\n  </ItemGroup>\n</Project>\n";
        var project = temp.Write("App.csproj", Project);

        var result = CliRunner.RunIn(temp.Path, null, "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Project, File.ReadAllText(project));
        Assert.Contains("names servicepolicy.yaml already", result.Out, StringComparison.Ordinal);
    }
}
