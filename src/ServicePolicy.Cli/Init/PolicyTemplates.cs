namespace ServicePolicy.Cli.Init;

using System.Reflection;

/// <summary>
/// The files `servicepolicy init` writes, carried inside the tool (the repository's seed pack, its minimal
/// example and the JSON Schema), so that a project gets exactly what this version of the tool understands.
/// </summary>
public static class PolicyTemplates
{
    /// <summary>The name the analyzers pick up by themselves and the engine loads beside the app.</summary>
    public const string PolicyFileName = "servicepolicy.yaml";

    /// <summary>Written beside the policy, so the policy's schema line works wherever the project is.</summary>
    public const string SchemaFileName = "servicepolicy.schema.json";

    /// <summary>The first line of a policy: editors with the YAML language server complete and check keys with it.</summary>
    public const string SchemaLine = "# yaml-language-server: $schema=./" + SchemaFileName;

    public static string SeedPack => Read("service-ethics.yaml");

    public static string Minimal => Read("minimal.yaml");

    public static string Schema => Read(SchemaFileName);

    /// <summary>The template with its schema line pointing at the schema file beside it (the first line, added if missing).</summary>
    public static string WithSchemaLine(string policy)
    {
        var text = policy.ReplaceLineEndings("\n");
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        return firstLine.StartsWith("# yaml-language-server:", StringComparison.Ordinal)
            ? SchemaLine + text[firstLine.Length..]
            : SchemaLine + "\n" + text;
    }

    private static string Read(string name)
    {
        var resource = "ServicePolicy.Cli.Init." + name;
        using var stream = typeof(PolicyTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The tool carries no `{resource}`; it was built without its templates.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
