namespace ServicePolicy.Cli.Infrastructure;

using System.CommandLine;
using ServicePolicy.Core.Loading;

/// <summary>
/// `--include-root &lt;folder&gt;`, accepted by every verb: a folder whose policies `include:` and a
/// tests file's `policy:` may name, beside the policy's own folder tree. Folders named on the
/// command line (`validate policies/`) are roots for the run as well, so a company policy in
/// `policies/company/` may include `../service-ethics.yaml` when `policies/` is checked.
/// </summary>
public static class IncludeRootOption
{
    public static Option<string[]> Option { get; } = new("--include-root")
    {
        Description = "A folder that `include:` and a tests file's `policy:` may also read from (repeatable). By default a policy reads only files in its own folder and below.",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "folder",
    };

    /// <summary>The roots given with --include-root for this run.</summary>
    public static IReadOnlyList<string> Extra { get; private set; } = Array.Empty<string>();

    /// <summary>Reads the option's values; a root that is not a folder is bad input.</summary>
    public static void Configure(ParseResult parseResult)
    {
        var roots = parseResult.GetValue(Option) ?? Array.Empty<string>();
        var missing = roots.Where(r => !Directory.Exists(r)).Select(r => $"{Paths.Display(r)}: error file-unreadable: the --include-root folder does not exist.").ToList();
        if (missing.Count > 0)
        {
            throw new CliInputException(missing);
        }

        Extra = roots.Select(Path.GetFullPath).ToArray();
    }

    /// <summary>The roots of a run: the --include-root folders and the folders named on the command line.</summary>
    public static IReadOnlyList<string> For(PolicyFileSet? files) =>
        files == null ? Extra : Extra.Concat(files.Folders).ToArray();

    public static PolicyLoadOptions LoadOptions(PolicyFileSet? files = null) => new() { IncludeRoots = For(files) };
}
