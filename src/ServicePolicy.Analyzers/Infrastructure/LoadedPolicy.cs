namespace ServicePolicy.Analyzers.Infrastructure;

using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Text;

/// <summary>
/// A policy read from AdditionalFiles, with everything derived from it that does not depend on
/// the compilation (compiled name bindings, the phrase matcher). Immutable; shared through
/// <see cref="PolicyCache"/> by every compilation that sees the same file contents.
/// </summary>
internal sealed class LoadedPolicy
{
    private readonly Lazy<PhraseMatcher> _phrases;

    public LoadedPolicy(string rootPath, string rootText, IReadOnlyList<PolicyDependency> dependencies, PolicyLoadResult result, IReadOnlyCollection<string> missingIncludes)
    {
        RootPath = rootPath;
        RootText = rootText;
        Dependencies = dependencies;
        Result = result;
        MissingIncludes = missingIncludes;
        Bindings = result.Policy == null ? PolicyBindings.Empty : new PolicyBindings(result.Policy);
        _phrases = new Lazy<PhraseMatcher>(() => result.Policy == null ? PhraseMatcher.Empty : PhraseMatcher.Create(result.Policy.Text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The AdditionalText path of the root file.</summary>
    public string RootPath { get; }

    public string RootText { get; }

    /// <summary>The files the loader asked for (includes), by normalised full path, with the text it got (null: absent).</summary>
    public IReadOnlyList<PolicyDependency> Dependencies { get; }

    public PolicyLoadResult Result { get; }

    /// <summary>Normalised full paths of included files that are not among the AdditionalFiles.</summary>
    public IReadOnlyCollection<string> MissingIncludes { get; }

    public PolicyBindings Bindings { get; }

    /// <summary>The policy's banned phrases, compiled on first use (once per policy content).</summary>
    public PhraseMatcher Phrases => _phrases.Value;
}

/// <summary>An included file and the text the loader got for it (null when it was not among the AdditionalFiles).</summary>
internal sealed class PolicyDependency
{
    public PolicyDependency(string normalizedPath, string? text)
    {
        NormalizedPath = normalizedPath;
        Text = text;
    }

    public string NormalizedPath { get; }

    public string? Text { get; }
}
