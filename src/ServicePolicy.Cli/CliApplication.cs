namespace ServicePolicy.Cli;

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ServicePolicy.Cli.Commands;
using ServicePolicy.Cli.Infrastructure;

/// <summary>
/// The `servicepolicy` command line: the verbs, their help with examples, and the mapping of
/// every outcome to the exit-code contract (0 clean, 1 violations or failed tests, 2 bad usage
/// or unreadable input). No exception ever reaches the user as a stack trace.
/// </summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error, CliConsole.DetectTerminal(output));
        var examples = new Dictionary<Command, IReadOnlyList<string>>();
        var root = BuildRoot(console, examples);

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not (HelpAction or HelpWithExamplesAction))
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"servicepolicy: {parseError.Message}");
            }

            var verb = parseResult.CommandResult.Command == root ? "" : " " + parseResult.CommandResult.Command.Name;
            error.WriteLine($"Run `servicepolicy{verb} --help` for usage and examples.");
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            IncludeRootOption.Configure(parseResult);
            return parseResult.Invoke(invocation);
        }
        catch (CliInputException ex)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"servicepolicy: error file-unreadable: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            // A bug in the tool: say so plainly; the stack trace only on request.
            error.WriteLine($"servicepolicy: internal error: {ex.Message}");
            if (Environment.GetEnvironmentVariable("SERVICEPOLICY_DEBUG") == "1")
            {
                error.WriteLine(ex.ToString());
            }
            else
            {
                error.WriteLine("Set SERVICEPOLICY_DEBUG=1 to see the details, and please report it.");
            }

            return ExitCodes.BadInput;
        }
    }

    private static Command BuildRoot(CliConsole console, Dictionary<Command, IReadOnlyList<string>> examples)
    {
        // A plain Command named `servicepolicy` rather than RootCommand, which would take its name
        // from the executable (ServicePolicy.Cli when run with `dotnet`).
        var root = new Command("servicepolicy", "servicepolicy: write, test, review and enforce customer-service policies.\n"
            + "Exit codes: 0 clean, 1 violations or failed tests, 2 bad usage or unreadable input.")
        {
            new HelpOption(),
            new VersionOption(),
            IncludeRootOption.Option,
        };
        examples[root] = new[]
        {
            "servicepolicy validate policies/",
            "servicepolicy test policies/service-ethics.yaml",
            "servicepolicy eval --policy policies/service-ethics.yaml --action refund.issue --input refund.json",
            "servicepolicy scan src/MyApp/MyApp.csproj --policy policies/service-ethics.yaml",
            "servicepolicy docs policies/service-ethics.yaml --out review/",
            "servicepolicy diff old/service-ethics.yaml policies/service-ethics.yaml",
        };

        foreach (var verb in Verbs(console))
        {
            var command = verb.Create();
            examples[command] = verb.Examples;
            root.Add(command);
        }

        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction defaultHelp)
            {
                help.Action = new HelpWithExamplesAction(defaultHelp, examples);
            }
        }

        return root;
    }

    private static IEnumerable<IVerb> Verbs(CliConsole console)
    {
        yield return new ValidateVerb(console);
        yield return new TestVerb(console);
        yield return new EvalVerb(console);
        yield return new ScanVerb(console);
        yield return new DocsVerb(console);
        yield return new DiffVerb(console);
        yield return new InitVerb(console);
        yield return new PhrasesVerb(console);
    }

    /// <summary>The standard help, followed by the command's examples.</summary>
    private sealed class HelpWithExamplesAction : SynchronousCommandLineAction
    {
        private readonly HelpAction _inner;
        private readonly IReadOnlyDictionary<Command, IReadOnlyList<string>> _examples;

        public HelpWithExamplesAction(HelpAction inner, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples)
        {
            _inner = inner;
            _examples = examples;
        }

        public override int Invoke(ParseResult parseResult)
        {
            _inner.Invoke(parseResult);
            if (_examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            return ExitCodes.Clean;
        }
    }
}
