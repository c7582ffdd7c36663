namespace ServicePolicy.PackageTests.Infrastructure;

/// <summary>What a child process did: its exit code and everything it printed (stdout and stderr, in order).</summary>
public sealed class ProcessResult
{
    public ProcessResult(string commandLine, string workingDirectory, int exitCode, string output, TimeSpan duration, bool timedOut)
    {
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        Output = output;
        Duration = duration;
        TimedOut = timedOut;
    }

    public string CommandLine { get; }

    public string WorkingDirectory { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public TimeSpan Duration { get; }

    public bool TimedOut { get; }

    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The whole story of the run, for assertion messages: a failed child build must explain itself.</summary>
    public string Describe()
    {
        var status = TimedOut ? "TIMED OUT" : "exit code " + ExitCode;
        return $"`{CommandLine}` in {WorkingDirectory}: {status} after {Duration.TotalSeconds:0.0} s. Output:{Environment.NewLine}{Output}";
    }

    public override string ToString() => Describe();
}
