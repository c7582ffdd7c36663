namespace ServicePolicy.Cli.Scan;

using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// The analyzer options a build would pass, reduced to what the ServicePolicy analyzers read:
/// <c>build_property.ServicePolicyFile</c> names the policy, whatever its file name.
/// </summary>
public sealed class ScanAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(new Dictionary<string, string>());
    private readonly AnalyzerConfigOptions _global;

    public ScanAnalyzerConfigOptionsProvider(string? policyPath, string projectFolder)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_property.ProjectDir"] = Path.GetFullPath(projectFolder) + Path.DirectorySeparatorChar,
        };
        if (policyPath != null)
        {
            values["build_property.ServicePolicyFile"] = Path.GetFullPath(policyPath);
        }

        _global = new DictionaryOptions(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
