namespace ServicePolicy.Cli.Tests;

using System.Text.Json;

/// <summary>`scan --no-build` compiles each project the way its build does.</summary>
public class ScanProjectsTests
{
    [Fact]
    public void Each_project_compiles_with_its_own_sdk_framework_usings_symbols_and_project_references()
    {
        using var temp = ScanFixtures.Copy("Shop");
        var result = CliRunner.RunIn(temp.Path, null, "scan", "Shop", "--no-build", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("id").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}")
            .ToList();

        // ILogger binds only against the ASP.NET Core reference pack, and only through the Web SDK's implicit usings.
        Assert.Contains("SP1002 Shop/Shop.Web/OrdersEndpoint.cs:13:63", findings);
        // A C# 14 extension block (net10.0's default language version) parses and binds.
        Assert.Contains("SP1002 Shop/Shop.Web/CustomerExtensions.cs:10:64", findings);
        Assert.Equal(2, findings.Count);

        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("project").GetString()!);
        Assert.Equal(new[] { "Shop.Data", "Shop.Web" }, projects.Keys.Order(StringComparer.Ordinal));
        foreach (var project in projects.Values)
        {
            // Every name binds: each project's `Mapper` comes from its own global using (one compilation would
            // find it ambiguous), Shop.Data's code under `#if SHOP_DATA` sees Shop.Data.Mapping, and the web
            // project sees Customer through its project reference.
            Assert.True(project.GetProperty("unresolvedNames").GetInt32() == 0 && project.GetProperty("compilerErrors").GetInt32() == 0, project.ToString());
            Assert.True(project.GetProperty("trusted").GetBoolean());
        }

        Assert.Contains("Microsoft.NET.Sdk.Web", projects["Shop.Web"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("C# 14.0", projects["Shop.Web"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, projects["Shop.Data"].GetProperty("files").GetInt32());
    }

    [Fact]
    public void A_solution_scans_its_projects_and_the_text_report_has_a_binding_line_per_project()
    {
        using var temp = ScanFixtures.Copy("Shop");
        var result = CliRunner.RunIn(temp.Path, null, "scan", "Shop/Shop.slnx", "--no-build");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutLines;
        var binding = Array.IndexOf(lines, "Binding:");
        Assert.True(binding >= 0, result.ToString());
        Assert.StartsWith("  Shop.Data (Microsoft.NET.Sdk, net10.0, C# 14.0; no packages): 3 files, ", lines[binding + 1], StringComparison.Ordinal);
        Assert.Contains("100.0% of ", lines[binding + 1], StringComparison.Ordinal);
        Assert.StartsWith("  Shop.Web (Microsoft.NET.Sdk.Web, net10.0, C# 14.0; no packages): 3 files, ", lines[binding + 2], StringComparison.Ordinal);
        Assert.EndsWith("(0 unresolved), 0 compiler errors", lines[binding + 2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_file_scans_that_project_binding_to_the_projects_it_references_without_analysing_them()
    {
        using var temp = ScanFixtures.Copy("Shop");
        // A personal-data log in the referenced library: the scan of the web project must not report it.
        temp.Write("Shop/Shop.Data/Audit.cs", "namespace Shop.Data; public static class Audit { public static void Trace(Customer c) => System.Console.WriteLine(c.Email); }");
        var result = CliRunner.RunIn(temp.Path, null, "scan", "Shop/Shop.Web/Shop.Web.csproj", "--no-build", "--policy", "Shop/servicepolicy.yaml", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var web = Assert.Single(json.RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal("Shop.Web", web.GetProperty("project").GetString());
        Assert.Equal(0, web.GetProperty("unresolvedNames").GetInt32());
        var files = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.StartsWith("Shop/Shop.Web/", f, StringComparison.Ordinal));
    }

    [Fact]
    public void An_analyzer_project_reference_is_not_compiled_against()
    {
        using var temp = ScanFixtures.Copy("Shop");
        var project = Path.Combine(temp.Path, "Shop", "Shop.Web", "Shop.Web.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<ProjectReference Include=\"..\\Shop.Data\\Shop.Data.csproj\" />",
            "<ProjectReference Include=\"..\\Shop.Data\\Shop.Data.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />",
            StringComparison.Ordinal));
        var result = CliRunner.RunIn(temp.Path, null, "scan", "Shop/Shop.Web/Shop.Web.csproj", "--no-build", "--policy", "Shop/servicepolicy.yaml", "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var web = Assert.Single(json.RootElement.GetProperty("projects").EnumerateArray());
        // Customer lives in Shop.Data, which the web project now only runs as an analyzer: it cannot bind.
        Assert.True(web.GetProperty("unresolvedNames").GetInt32() > 0, web.ToString());
    }

    [Fact]
    public void A_project_whose_packages_cannot_be_found_binds_too_little_and_the_scan_says_so()
    {
        using var temp = ScanFixtures.Copy("Shop");
        var project = Path.Combine(temp.Path, "Shop", "Shop.Web", "Shop.Web.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<ItemGroup>\n    <ProjectReference",
            "<ItemGroup>\n    <PackageReference Include=\"Acme.Payments.NotInAnyCache\" Version=\"1.2.3\" />\n  </ItemGroup>\n  <ItemGroup>\n    <ProjectReference",
            StringComparison.Ordinal));
        temp.Write("Shop/Shop.Web/Payments.cs", """
            namespace Shop.Web;

            using Acme.Payments;

            public sealed class Payments
            {
                private readonly PaymentClient _client = new PaymentClient(new PaymentOptions());

                public PaymentResult Charge(Shop.Data.Customer customer) => _client.Charge(new ChargeRequest(customer.Email));
            }
            """);

        var result = CliRunner.RunIn(temp.Path, null, "scan", "Shop", "--no-build", "--format", "json");
        Assert.True(result.ExitCode == 0, "a warning about binding does not fail the scan by default\n" + result);
        using var json = JsonDocument.Parse(result.Out);
        var warning = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "low-binding");
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal("Scan completeness", warning.GetProperty("principle").GetString());
        Assert.Equal("Shop/Shop.Web/Shop.Web.csproj", warning.GetProperty("file").GetString());
        var message = warning.GetProperty("message").GetString()!;
        Assert.StartsWith("Shop.Web: ", message, StringComparison.Ordinal);
        Assert.Contains("Acme.Payments.NotInAnyCache 1.2.3", message, StringComparison.Ordinal);
        var web = json.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("project").GetString() == "Shop.Web");
        Assert.False(web.GetProperty("trusted").GetBoolean());
        Assert.True(web.GetProperty("unresolvedNames").GetInt32() >= 4, web.ToString());

        var strict = CliRunner.RunIn(temp.Path, null, "scan", "Shop", "--no-build", "--fail-on", "warning");
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains(strict.OutLines, l => l.StartsWith("  LOW Shop.Web (Microsoft.NET.Sdk.Web", StringComparison.Ordinal));
    }
}
