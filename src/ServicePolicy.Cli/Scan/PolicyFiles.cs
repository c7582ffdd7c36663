namespace ServicePolicy.Cli.Scan;

using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Core.Loading;

/// <summary>The policy file and every file it includes (full paths), which the analyzers need as AdditionalFiles.</summary>
public static class PolicyFiles
{
    public static IReadOnlyDictionary<string, string> ReadWithIncludes(string policyPath)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new PolicyLoadOptions
        {
            Validate = false,
            IncludeRoots = IncludeRootOption.Extra,
            ReadFile = path =>
            {
                if (!File.Exists(path))
                {
                    return null;
                }

                var text = File.ReadAllText(path);
                texts[Path.GetFullPath(path)] = text;
                return text;
            },
        };
        var root = Path.GetFullPath(policyPath);
        texts[root] = File.ReadAllText(root);
        PolicyLoader.LoadText(texts[root], root, options);
        return texts;
    }
}
