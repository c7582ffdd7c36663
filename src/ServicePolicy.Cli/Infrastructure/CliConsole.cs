namespace ServicePolicy.Cli.Infrastructure;

/// <summary>
/// Where a command writes. Rich output (tables, progress) is used only when standard output is a
/// terminal, so that pipelines and tests always read the same plain text.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool isTerminal)
    {
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// <summary>True when standard output is an interactive terminal (and not forced plain by NO_COLOR or TERM=dumb).</summary>
    public bool IsTerminal { get; }

    public static bool DetectTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("TERM") != "dumb"
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SERVICEPOLICY_PLAIN"));
}
