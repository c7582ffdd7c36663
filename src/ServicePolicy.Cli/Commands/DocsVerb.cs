namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using ServicePolicy.Cli.Docs;
using ServicePolicy.Cli.Infrastructure;

/// <summary>`docs`: renders a policy for human review as Markdown and/or a self-contained HTML page.</summary>
public sealed class DocsVerb : IVerb
{
    private readonly CliConsole _console;

    public DocsVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy docs policies/service-ethics.yaml                      # Markdown on standard output",
        "servicepolicy docs policies/service-ethics.yaml --out review/        # review/service-ethics.md and .html",
        "servicepolicy docs policies/service-ethics.yaml --format html > service-ethics.html",
    };

    public Command Create()
    {
        var policy = new Argument<string>("policy") { Description = "The policy file to document." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder to write <policy>.md and/or <policy>.html into (created if needed). Without it, the document is printed." };
        var format = new Option<string?>("--format", "-f") { Description = "markdown, html or both (default: both with --out, markdown without)." };
        format.AcceptOnlyFromAmong("markdown", "html", "both");
        var command = new Command("docs", "Render a policy for human review: rules by principle in plain language, classification, consent, SLA, authority and text tables.")
        {
            policy,
            outDir,
            format,
        };
        command.SetAction(result => Run(result.GetValue(policy)!, result.GetValue(outDir), result.GetValue(format)));
        return command;
    }

    private int Run(string policyPath, string? outDir, string? format)
    {
        format ??= outDir == null ? "markdown" : "both";
        if (outDir == null && format == "both")
        {
            _console.Error.WriteLine("servicepolicy docs: `--format both` writes two files; add `--out <folder>`.");
            return ExitCodes.BadInput;
        }

        var policy = PolicyReader.Load(policyPath);
        var renderer = new PolicyDocumentRenderer(policy, Paths.Display(policyPath));
        var documents = new List<(string Extension, string Text)>();
        if (format is "markdown" or "both")
        {
            documents.Add(("md", renderer.Render(new MarkdownWriter())));
        }

        if (format is "html" or "both")
        {
            documents.Add(("html", renderer.Render(new HtmlWriter(renderer.Title))));
        }

        if (outDir == null)
        {
            _console.Out.Write(documents[0].Text);
            return ExitCodes.Clean;
        }

        try
        {
            Directory.CreateDirectory(outDir);
            var stem = StemOf(policyPath);
            foreach (var (extension, text) in documents)
            {
                var path = Path.Combine(outDir, stem + "." + extension);
                File.WriteAllText(path, text);
                _console.Out.WriteLine($"wrote {Paths.Display(path)}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{Paths.Display(outDir)}: error file-unwritable: the document could not be written: {ex.Message}");
        }

        return ExitCodes.Clean;
    }

    private static string StemOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".yaml", ".yml" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
