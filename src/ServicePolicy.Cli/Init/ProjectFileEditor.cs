namespace ServicePolicy.Cli.Init;

/// <summary>
/// Adds the MSBuild item that copies the policy beside the app to a project file, as text: the user's
/// formatting, comments and order stay as they were, and a project that already names the policy is left alone.
/// </summary>
public static class ProjectFileEditor
{
    /// <summary>The items `init` adds, indented as a first-level element of the project.</summary>
    public static readonly string Items = $"""
          <ItemGroup>
            <!-- ServicePolicy: the engine loads {PolicyTemplates.PolicyFileName} from the app's folder; the analyzers find it by its name. -->
            <None Update="{PolicyTemplates.PolicyFileName}" CopyToOutputDirectory="PreserveNewest" />
            <!-- The schema only helps editors: it is not part of the app. -->
            <Content Remove="{PolicyTemplates.SchemaFileName}" />
          </ItemGroup>
        """;

    /// <summary>True when the project file mentions the policy file already (then nothing is added).</summary>
    public static bool NamesPolicy(string projectText) =>
        projectText.Contains(PolicyTemplates.PolicyFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The project text with <see cref="Items"/> before its closing tag; null when it has no closing &lt;/Project&gt;.</summary>
    public static string? AddItems(string projectText)
    {
        var close = projectText.LastIndexOf("</Project>", StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var newline = projectText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        // On its own line (the usual case) the items go above that line; else right before the tag.
        var lineStart = close == 0 ? 0 : projectText.LastIndexOf('\n', close - 1) + 1;
        var insertAt = string.IsNullOrWhiteSpace(projectText[lineStart..close]) ? lineStart : close;
        var head = projectText[..insertAt];
        if (head.Length > 0 && !head.EndsWith('\n'))
        {
            head += newline;
        }

        return head + Items.ReplaceLineEndings(newline) + newline + projectText[insertAt..];
    }
}
