namespace ServicePolicy.Cli.Infrastructure;

using System.Reflection;

public static class ToolInfo
{
    /// <summary>The tool's version (the informational version without the source revision).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>Where the rule documentation lives; each diagnostic ID has a page there.</summary>
    public const string RulesDocsBase = "https://github.com/servicepolicy/servicepolicy/blob/main/docs/rules/";

    private static string ReadVersion()
    {
        var version = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
