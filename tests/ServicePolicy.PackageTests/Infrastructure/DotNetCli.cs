namespace ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// Runs `dotnet` for the package tests: with a private NuGet packages folder (so no package of an earlier
/// run is ever picked up), without telemetry, logos or long-lived build servers (nothing outlives a test).
/// </summary>
public sealed class DotNetCli
{
    private readonly Dictionary<string, string?> _environment;

    public DotNetCli(string packagesFolder)
    {
        PackagesFolder = packagesFolder;
        _environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = packagesFolder,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            // The test host runs inside `dotnet test`; its MSBuild settings must not leak into the child builds.
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
            ["VSTEST_HOST_DEBUG"] = null,
            // A user's global TreatWarningsAsErrors or CI variables would change what the consumers report.
            ["TreatWarningsAsErrors"] = null,
        };
    }

    public string PackagesFolder { get; }

    public ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, timeout, _environment);

    /// <summary>`dotnet build` as a CI pipeline runs it: one process, no node reuse, no compiler server.</summary>
    public ProcessResult Build(string projectDirectory, params string[] extraArguments)
    {
        var arguments = new List<string> { "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:minimal", "-clp:NoSummary" };
        arguments.AddRange(extraArguments);
        return Run(projectDirectory, TimeSpan.FromMinutes(4), arguments.ToArray());
    }
}
