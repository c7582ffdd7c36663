namespace ServicePolicy.Cli.Tests;

using System.Diagnostics;
using System.Reflection;

/// <summary>What one run of the tool produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    public string LastLine => OutLines[^1];

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the real `servicepolicy` tool (its built servicepolicy.dll, launched with `dotnet`) as a
/// child process, the way a pipeline does, and captures its output and exit code.
/// </summary>
public static class CliRunner
{
    public static string ToolPath { get; } = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServicePolicyCliPath").Value!;

    /// <summary>The folder holding the test fixtures (copied next to the test assembly).</summary>
    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static CliResult RunIn(string workingDirectory, string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput != null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("servicepolicy did not finish within 5 minutes: " + string.Join(' ', args));
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs the tool in the fixtures folder, so paths in its output are short and stable.</summary>
    public static CliResult Run(params string[] args) => RunIn(Fixtures, null, args);
}

/// <summary>A temporary folder for a test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("servicepolicy-cli-tests-").FullName;

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string CopyFixture(string fixture, string? as_ = null)
    {
        var target = System.IO.Path.Combine(Path, as_ ?? fixture);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(System.IO.Path.Combine(CliRunner.Fixtures, fixture), target, overwrite: true);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
