namespace ServicePolicy.Cli.Commands;

using System.CommandLine;

/// <summary>A verb of the tool: its command (arguments, options, action) and the examples its help shows.</summary>
public interface IVerb
{
    IReadOnlyList<string> Examples { get; }

    Command Create();
}
