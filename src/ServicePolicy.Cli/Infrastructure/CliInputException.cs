namespace ServicePolicy.Cli.Infrastructure;

/// <summary>
/// Input the command cannot work with (a missing file, a folder without policies, a policy that
/// does not load). The message is shown as is and the tool exits with code 2.
/// </summary>
public sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(IEnumerable<string> lines)
        : base(string.Join(Environment.NewLine, lines))
    {
    }
}
