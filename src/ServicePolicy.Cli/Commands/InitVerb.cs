namespace ServicePolicy.Cli.Commands;

using System.CommandLine;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Cli.Init;
using ServicePolicy.Core.Loading;

/// <summary>
/// `init`: puts a policy into an existing project: servicepolicy.yaml (the seed pack, or a minimal start),
/// the JSON Schema beside it for editors, and the project item that copies the policy beside the app.
/// Refuses (exit 2) when the folder holds no project or several, or when a policy is there already.
/// </summary>
public sealed class InitVerb : IVerb
{
    private readonly CliConsole _console;

    public InitVerb(CliConsole console) => _console = console;

    public IReadOnlyList<string> Examples { get; } = new[]
    {
        "servicepolicy init                      # in the folder of MyApp.csproj: the seed pack, all ten principles",
        "servicepolicy init src/MyApp --minimal  # a one-rule start to grow from",
    };

    public Command Create()
    {
        var project = new Argument<string>("project")
        {
            Description = "The project: its .csproj file, or the folder that holds exactly one. Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var minimal = new Option<bool>("--minimal") { Description = "Start from a minimal policy (one consent rule) instead of the seed pack." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing servicepolicy.yaml and schema file." };
        var command = new Command("init", "Add servicepolicy.yaml (the seed pack or a minimal start), its schema and the MSBuild item to an existing project.")
        {
            project,
            minimal,
            force,
        };
        command.SetAction(result => Run(result.GetValue(project)!, result.GetValue(minimal), result.GetValue(force)));
        return command;
    }

    private int Run(string projectPath, bool minimal, bool force)
    {
        var projectFile = FindProjectFile(projectPath);
        var folder = Path.GetDirectoryName(projectFile)!;
        var policyPath = Path.Combine(folder, PolicyTemplates.PolicyFileName);
        var schemaPath = Path.Combine(folder, PolicyTemplates.SchemaFileName);
        if (!force && (File.Exists(policyPath) || File.Exists(schemaPath)))
        {
            var existing = File.Exists(policyPath) ? policyPath : schemaPath;
            throw new CliInputException($"servicepolicy: error init-exists: `{Paths.Display(existing)}` exists already; nothing was changed. Pass --force to overwrite it.");
        }

        var projectText = File.ReadAllText(projectFile);
        var updatedProject = ProjectFileEditor.NamesPolicy(projectText) ? null : ProjectFileEditor.AddItems(projectText);
        if (!ProjectFileEditor.NamesPolicy(projectText) && updatedProject == null)
        {
            throw new CliInputException($"servicepolicy: error init-project: `{Paths.Display(projectFile)}` has no closing </Project> tag; nothing was changed.");
        }

        var policyText = PolicyTemplates.WithSchemaLine(minimal ? PolicyTemplates.Minimal : PolicyTemplates.SeedPack);
        File.WriteAllText(policyPath, policyText);
        File.WriteAllText(schemaPath, PolicyTemplates.Schema);

        // The file as written, loaded like any policy: what the analyzers and the engine will read.
        var loaded = PolicyLoader.LoadFile(policyPath);
        foreach (var error in loaded.Errors)
        {
            _console.Out.WriteLine(ErrorText.Format(error));
        }

        if (loaded.Policy == null || loaded.Errors.Any(e => e.IsError))
        {
            return ExitCodes.Violations;
        }

        var policy = loaded.Policy;
        var principles = policy.Rules.Select(r => r.Principle).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        _console.Out.WriteLine($"created {Paths.Display(policyPath)}: {(minimal ? "a minimal start" : "the seed pack")}, {policy.Rules.Count} rule{(policy.Rules.Count == 1 ? "" : "s")} for {principles} principle{(principles == 1 ? "" : "s")}, {policy.Tests.Count} test{(policy.Tests.Count == 1 ? "" : "s")}");
        _console.Out.WriteLine($"created {Paths.Display(schemaPath)}: completion and checks in editors (its first line points at it)");
        if (updatedProject != null)
        {
            File.WriteAllText(projectFile, updatedProject);
            _console.Out.WriteLine($"updated {Paths.Display(projectFile)}: {PolicyTemplates.PolicyFileName} is copied beside the app");
        }
        else
        {
            _console.Out.WriteLine($"kept {Paths.Display(projectFile)}: it names {PolicyTemplates.PolicyFileName} already");
        }

        _console.Out.WriteLine($"Next: `servicepolicy test {Paths.Display(policyPath)}`, then `dotnet build`: the ServicePolicy.Analyzers package reads the policy from there.");
        return ExitCodes.Clean;
    }

    /// <summary>The .csproj named, or the one project file of the folder named; anything else is refused.</summary>
    private static string FindProjectFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (!full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliInputException($"servicepolicy: error init-project: `{Paths.Display(full)}` is not a C# project file (.csproj).");
            }

            return full;
        }

        if (!Directory.Exists(full))
        {
            throw new CliInputException($"servicepolicy: error init-project: `{Paths.Display(full)}` does not exist.");
        }

        var projects = Directory.GetFiles(full, "*.csproj").Order(StringComparer.Ordinal).ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new CliInputException($"servicepolicy: error init-project: `{Paths.Display(full)}` holds no .csproj file. Run init in a project's folder, or pass the project file."),
            _ => throw new CliInputException($"servicepolicy: error init-project: `{Paths.Display(full)}` holds several project files ({string.Join(", ", projects.Select(Path.GetFileName))}). Pass the one to set up."),
        };
    }
}
