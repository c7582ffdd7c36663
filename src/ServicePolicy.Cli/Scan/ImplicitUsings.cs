namespace ServicePolicy.Cli.Scan;

using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// The global usings the .NET SDK generates when a project says <c>ImplicitUsings</c>. Without a
/// build nobody generates them, and code that writes <c>Console.WriteLine</c> with no
/// <c>using System;</c> would not bind; so a scan without a build adds them when a project file
/// (or a Directory.Build.props) under or above the folder switches them on.
/// </summary>
public static class ImplicitUsings
{
    private static readonly string[] Namespaces =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly Regex Enabled = new(@"<ImplicitUsings>\s*(enable|true)\s*</ImplicitUsings>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static SyntaxTree? TreeFor(string folder, IReadOnlyList<string> projectFiles, CSharpParseOptions options)
    {
        if (!projectFiles.Concat(PropsAbove(folder)).Any(SwitchesOn))
        {
            return null;
        }

        var text = string.Concat(Namespaces.Select(n => $"global using global::{n};\n"));
        return CSharpSyntaxTree.ParseText(text, options, Path.Combine(Path.GetFullPath(folder), "obj", "ImplicitUsings.g.cs"));
    }

    private static IEnumerable<string> PropsAbove(string folder)
    {
        var current = new DirectoryInfo(Path.GetFullPath(folder)).Parent;
        while (current != null)
        {
            var props = Path.Combine(current.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                yield return props;
            }

            if (Directory.Exists(Path.Combine(current.FullName, ".git")))
            {
                yield break;
            }

            current = current.Parent;
        }
    }

    private static bool SwitchesOn(string path)
    {
        try
        {
            return Enabled.IsMatch(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
