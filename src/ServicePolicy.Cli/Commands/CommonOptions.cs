namespace ServicePolicy.Cli.Commands;

using System.CommandLine;

/// <summary>Options shared by several verbs, so they are spelled and described the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", formats) + ".",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Argument<string[]> PolicyPaths(string description) =>
        new("paths")
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
        };
}
