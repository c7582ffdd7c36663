namespace ServicePolicy.Cli.Infrastructure;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Loads a policy a verb needs in full (eval, test, docs, diff). A policy that does not load, or
/// loads with errors, stops the verb with exit code 2 and every error at its file:line:column.
/// </summary>
public static class PolicyReader
{
    public static Policy Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: this is a folder; pass a policy file.");
        }

        var result = PolicyLoader.LoadFile(path, IncludeRootOption.LoadOptions());
        if (!result.Succeeded)
        {
            var lines = result.Errors.Where(e => e.IsError).Select(ErrorText.Format).ToList();
            if (lines.Count == 0)
            {
                lines.Add($"{Paths.Display(path)}: error file-unreadable: the policy could not be read.");
            }

            lines.Add($"The policy `{Paths.Display(path)}` has errors; run `servicepolicy validate {Paths.Display(path)}` for the full list.");
            throw new CliInputException(lines);
        }

        return result.Policy!;
    }
}

/// <summary>The one text form of a policy error: <c>file:line:column: error code: message hint</c>.</summary>
public static class ErrorText
{
    public static string Format(PolicyError error)
    {
        var location = error.Location;
        var file = Paths.Display(location.File);
        var where = location.IsKnown ? $"{file}:{location.Line}:{location.Column}" : file;
        var kind = error.IsError ? "error" : "warning";
        var hint = string.IsNullOrEmpty(error.Hint) ? "" : " " + error.Hint;
        return $"{where}: {kind} {error.Code}: {error.Message}{hint}";
    }
}
