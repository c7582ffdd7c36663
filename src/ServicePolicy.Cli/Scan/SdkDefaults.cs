namespace ServicePolicy.Cli.Scan;

using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// What the .NET SDK adds to a project before the compiler sees it, which a scan without a build
/// must add itself: the implicit global usings of each SDK, the framework a project SDK brings
/// (ASP.NET Core for Microsoft.NET.Sdk.Web), the target framework's preprocessor symbols and its
/// default language version.
/// </summary>
public static class SdkDefaults
{
    private static readonly string[] BaseUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly string[] HostingUsings =
    {
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
    };

    private static readonly string[] BlazorWebAssemblyUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Components.Forms", "Microsoft.AspNetCore.Components.Routing", "Microsoft.AspNetCore.Components.Web",
        "Microsoft.AspNetCore.Components.Web.Virtualization", "Microsoft.AspNetCore.Components.WebAssembly.Http", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging", "Microsoft.JSInterop",
    };

    private static readonly Regex NetVersion = new(@"^net(?:coreapp)?(\d+)\.(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex StandardVersion = new(@"^netstandard(\d+)\.(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The global usings the SDK generates when <c>ImplicitUsings</c> is on, by project SDK.</summary>
    public static IReadOnlyList<string> ImplicitUsings(string sdk) => sdk switch
    {
        "Microsoft.NET.Sdk.Web" => BaseUsings.Concat(WebUsings).Concat(HostingUsings).ToList(),
        "Microsoft.NET.Sdk.Worker" => BaseUsings.Concat(HostingUsings).ToList(),
        "Microsoft.NET.Sdk.BlazorWebAssembly" => BaseUsings.Concat(BlazorWebAssemblyUsings).ToList(),
        _ => BaseUsings,
    };

    /// <summary>The shared frameworks a project compiles against: Microsoft.NETCore.App, plus what its SDK and FrameworkReference items add.</summary>
    public static IReadOnlyList<string> SharedFrameworks(MsBuildProject project)
    {
        var frameworks = new List<string> { "Microsoft.NETCore.App" };
        if (project.Sdk is "Microsoft.NET.Sdk.Web")
        {
            frameworks.Add("Microsoft.AspNetCore.App");
        }

        frameworks.AddRange(project.FrameworkReferences);
        return frameworks.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The major version of .NET a target framework names (net8.0 → 8), or null for netstandard and .NET Framework.</summary>
    public static int? NetMajor(string targetFramework)
    {
        var match = NetVersion.Match(targetFramework);
        if (!match.Success || targetFramework.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return major >= 5 || targetFramework.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase) ? major : null;
    }

    /// <summary>The symbols the SDK defines for a target framework (NET8_0, NET8_0_OR_GREATER, ...), plus DEBUG and TRACE.</summary>
    public static IEnumerable<string> FrameworkSymbols(string targetFramework)
    {
        yield return "DEBUG";
        yield return "TRACE";
        var net = NetVersion.Match(targetFramework);
        if (net.Success && !targetFramework.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase) && NetMajor(targetFramework) is int major)
        {
            var minor = net.Groups[2].Value;
            yield return "NET";
            yield return "NETCOREAPP";
            yield return $"NET{major}_{minor}";
            for (var v = 5; v <= major; v++)
            {
                yield return $"NET{v}_0_OR_GREATER";
            }

            foreach (var core in new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" })
            {
                yield return $"NETCOREAPP{core}_OR_GREATER";
            }

            yield break;
        }

        var standard = StandardVersion.Match(targetFramework);
        if (standard.Success)
        {
            yield return "NETSTANDARD";
            yield return $"NETSTANDARD{standard.Groups[1].Value}_{standard.Groups[2].Value}";
            yield return $"NETSTANDARD{standard.Groups[1].Value}_{standard.Groups[2].Value}_OR_GREATER";
        }
    }

    /// <summary>The language version: LangVersion when set, else the SDK's default for the target framework.</summary>
    public static LanguageVersion LanguageVersionFor(string langVersion, string targetFramework)
    {
        if (langVersion.Length > 0 && LanguageVersionFacts.TryParse(langVersion, out var parsed))
        {
            return parsed;
        }

        return NetMajor(targetFramework) switch
        {
            >= 10 => LanguageVersion.CSharp14,
            9 => LanguageVersion.CSharp13,
            8 => LanguageVersion.CSharp12,
            7 => LanguageVersion.CSharp11,
            6 => LanguageVersion.CSharp10,
            5 => LanguageVersion.CSharp9,
            null when targetFramework.StartsWith("netstandard2.1", StringComparison.OrdinalIgnoreCase) => LanguageVersion.CSharp8,
            null when targetFramework.Length > 0 => LanguageVersion.CSharp7_3,
            // No target framework known: the newest, so that no valid code fails to parse.
            _ => LanguageVersion.Latest,
        };
    }
}
