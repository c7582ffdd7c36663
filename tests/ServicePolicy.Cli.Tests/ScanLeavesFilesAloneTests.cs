namespace ServicePolicy.Cli.Tests;

using System.Diagnostics;
using System.Security.Cryptography;

/// <summary>A scan with a build writes only to its own temporary folder: the project's bin/ and obj/ stay as they were.</summary>
public class ScanLeavesFilesAloneTests
{
    [Fact]
    public void The_users_bin_and_obj_are_byte_identical_after_a_failing_and_a_passing_build_scan()
    {
        using var temp = ScanFixtures.Copy("App");
        var app = Path.Combine(temp.Path, "App");
        Build(app);
        var before = Snapshot(app);
        Assert.Contains(before.Keys, k => k.StartsWith("bin/", StringComparison.Ordinal) && k.EndsWith("App.dll", StringComparison.Ordinal));
        Assert.Contains(before.Keys, k => k == "obj/project.assets.json");

        // A policy with a typo: SP9001 is an error, so the build the scan runs fails.
        var policy = Path.Combine(app, "servicepolicy.yaml");
        var valid = File.ReadAllText(policy);
        File.WriteAllText(policy, valid.Replace("  version: 1.0.0\n", "  version: 1.0.0\n  verson: 2\n", StringComparison.Ordinal));
        var failing = CliRunner.RunIn(temp.Path, null, "scan", "App/App.csproj");
        Assert.True(failing.ExitCode == 1, failing.ToString());
        AssertUnchanged(before, Snapshot(app), "after a scan whose build failed");

        File.WriteAllText(policy, valid);
        var passing = CliRunner.RunIn(temp.Path, null, "scan", "App/App.csproj");
        Assert.True(passing.ExitCode == 0, passing.ToString());
        AssertUnchanged(before, Snapshot(app), "after a scan whose build succeeded");
    }

    private static void AssertUnchanged(Dictionary<string, (string Hash, DateTime Written)> before, Dictionary<string, (string Hash, DateTime Written)> after, string when)
    {
        Assert.True(before.Keys.Order(StringComparer.Ordinal).SequenceEqual(after.Keys.Order(StringComparer.Ordinal)), $"files of bin/ and obj/ {when}: {string.Join(", ", after.Keys.Except(before.Keys).Concat(before.Keys.Except(after.Keys)))}");
        foreach (var (file, state) in before)
        {
            Assert.True(state == after[file], $"{file} changed {when}");
        }
    }

    /// <summary>Every file of bin/ and obj/: its content hash and when it was last written.</summary>
    private static Dictionary<string, (string Hash, DateTime Written)> Snapshot(string project)
    {
        var files = new Dictionary<string, (string, DateTime)>(StringComparer.Ordinal);
        foreach (var folder in new[] { "bin", "obj" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(project, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(project, file).Replace('\\', '/');
                files[relative] = (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), File.GetLastWriteTimeUtc(file));
            }
        }

        return files;
    }

    private static void Build(string projectFolder)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = projectFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", "-nologo", "-v:quiet", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the fixture did not build:\n{output}\n{error.Result}");
    }
}
