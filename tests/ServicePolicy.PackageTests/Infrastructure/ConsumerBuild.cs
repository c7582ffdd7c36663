namespace ServicePolicy.PackageTests.Infrastructure;

/// <summary>The outcome of building a consumer: the process, the diagnostics it printed, and its SARIF log if asked for.</summary>
public sealed class ConsumerBuild
{
    private readonly string? _sarifPath;
    private SarifLog? _sarif;

    public ConsumerBuild(ConsumerProject project, ProcessResult process, string? sarifPath)
    {
        Project = project;
        Process = process;
        _sarifPath = sarifPath;
        Diagnostics = BuildDiagnostic.Parse(process.Output);
    }

    public ConsumerProject Project { get; }

    public ProcessResult Process { get; }

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public SarifLog Sarif
    {
        get
        {
            if (_sarif != null)
            {
                return _sarif;
            }

            if (_sarifPath == null || !File.Exists(_sarifPath))
            {
                throw new InvalidOperationException("The build wrote no SARIF log at " + _sarifPath + ". " + Process.Describe());
            }

            return _sarif = SarifLog.Load(_sarifPath);
        }
    }

    /// <summary>"Program.cs:12:5 SP2001" for every diagnostic of ours (the SP ids), sorted.</summary>
    public IReadOnlyList<string> ServicePolicyKeys(Func<string, bool>? includeId = null) =>
        Diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal) && (includeId == null || includeId(d.Id)))
            .Select(d => d.Key).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The build must have succeeded; else the whole output explains why.</summary>
    public ConsumerBuild AssertSucceeded()
    {
        Assert.True(Process.Succeeded, "The consumer build failed. " + Process.Describe());
        return this;
    }

    public string Describe() => Process.Describe();
}
