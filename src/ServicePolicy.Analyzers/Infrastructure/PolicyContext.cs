namespace ServicePolicy.Analyzers.Infrastructure;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>
/// Everything the analyzers know for one compilation: the policy (an empty one when none was
/// found, so that annotations still work), the symbol classifier, the phrase matcher, and the
/// configuration diagnostics (SP9001/SP9002) to report. Created once per compilation and shared by
/// every ServicePolicy analyzer running on it.
/// </summary>
internal sealed class PolicyContext
{
    private static readonly ConditionalWeakTable<Compilation, Holder> PerCompilation = new();

    private readonly LoadedPolicy? _loaded;

    private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<ExecutableMember>> _executableCode = new();

    private PolicyContext(Compilation compilation, AnalyzerOptions options, LoadedPolicy? loaded, ImmutableArray<Diagnostic> configurationDiagnostics)
    {
        Compilation = compilation;
        Options = options;
        _loaded = loaded;
        Policy = loaded?.Result.Policy ?? new Policy();
        Symbols = new SymbolClassifier(compilation, Policy, loaded?.Bindings ?? PolicyBindings.Empty);
        ConfigurationDiagnostics = configurationDiagnostics;
    }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    /// <summary>The policy; an empty one when no policy was found or it could not be read at all.</summary>
    public Policy Policy { get; }

    /// <summary>True when a policy file was found and read (it may still have errors, reported as SP9001).</summary>
    public bool HasPolicy => _loaded?.Result.Policy != null;

    /// <summary>The AdditionalText path of the policy's root file, or null.</summary>
    public string? PolicyPath => _loaded?.RootPath;

    public SymbolClassifier Symbols { get; }

    /// <summary>The policy's claims, disrespectful terms and promises, compiled once per policy content.</summary>
    public PhraseMatcher Phrases => _loaded?.Phrases ?? PhraseMatcher.Empty;

    /// <summary>SP9001 and SP9002 for this compilation (reported once, by the policy file analyzer).</summary>
    public ImmutableArray<Diagnostic> ConfigurationDiagnostics { get; }

    internal LoadedPolicy? Loaded => _loaded;

    /// <summary>
    /// <see cref="ExecutableCode.Of"/> for a tree of the compilation, found once per tree: the privacy source
    /// index (over all trees), SP1001, SP1002 and SP2001 (per tree) all walk the same declarations, and on a
    /// large build that walk was a hot spot when each did it again. Thread-safe: the analyzers run concurrently.
    /// </summary>
    public ImmutableArray<ExecutableMember> ExecutableCodeOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_executableCode.TryGetValue(tree, out var members))
        {
            members = _executableCode.GetOrAdd(tree, ExecutableCode.Of(tree.GetRoot(cancellationToken)));
        }

        return members;
    }

    /// <summary>The context of <paramref name="compilation"/>, created on first use.</summary>
    public static PolicyContext GetOrCreate(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var holder = PerCompilation.GetValue(compilation, _ => new Holder());
        lock (holder)
        {
            foreach (var existing in holder.Contexts)
            {
                if (SameOptions(existing.Options, options))
                {
                    return existing;
                }
            }

            var created = Create(compilation, options, cancellationToken);
            holder.Contexts.Add(created);
            return created;
        }
    }

    private static PolicyContext Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var selection = PolicyFileLocator.Locate(options);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (selection.Problem != null)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.SP9001PolicyInvalid, Location.None, "file-unreadable", selection.Problem));
            return new PolicyContext(compilation, options, null, diagnostics.ToImmutable());
        }

        if (selection.Root == null)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.SP9002NoPolicy, Location.None));
            return new PolicyContext(compilation, options, null, diagnostics.ToImmutable());
        }

        var files = new AdditionalFileIndex(options.AdditionalFiles, cancellationToken);
        var rootText = files.Text(selection.Root);
        if (rootText == null)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.SP9001PolicyInvalid, Location.None, "file-unreadable", $"The policy file `{selection.Root.Path}` could not be read by the compiler."));
            return new PolicyContext(compilation, options, null, diagnostics.ToImmutable());
        }

        var loaded = PolicyCache.GetOrLoad(selection.Root.Path, rootText, files.TextByNormalizedPath, cancellationToken);
        diagnostics.AddRange(PolicyDiagnostics.FromLoad(loaded, files));
        diagnostics.AddRange(PolicyDiagnostics.IgnoredCandidates(loaded, selection, files));
        return new PolicyContext(compilation, options, loaded, diagnostics.ToImmutable());
    }

    private static bool SameOptions(AnalyzerOptions a, AnalyzerOptions b) =>
        ReferenceEquals(a, b)
        || (ReferenceEquals(a.AnalyzerConfigOptionsProvider, b.AnalyzerConfigOptionsProvider) && a.AdditionalFiles.SequenceEqual(b.AdditionalFiles));

    private sealed class Holder
    {
        public List<PolicyContext> Contexts { get; } = new(1);
    }
}

/// <summary>The compilation's AdditionalFiles by normalised full path, their texts read once.</summary>
internal sealed class AdditionalFileIndex
{
    private readonly Dictionary<string, AdditionalText> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<AdditionalText, SourceText?> _texts = new();
    private readonly Dictionary<AdditionalText, string?> _strings = new();
    private readonly CancellationToken _cancellationToken;

    public AdditionalFileIndex(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        foreach (var file in files)
        {
            var key = PolicyFileLocator.NormalizePath(file.Path);
            if (!_byPath.ContainsKey(key))
            {
                _byPath.Add(key, file);
            }
        }
    }

    public AdditionalText? Find(string path) =>
        _byPath.TryGetValue(PolicyFileLocator.NormalizePath(path), out var file) ? file : null;

    public SourceText? SourceText(AdditionalText file)
    {
        lock (_texts)
        {
            if (!_texts.TryGetValue(file, out var text))
            {
                text = file.GetText(_cancellationToken);
                _texts[file] = text;
            }

            return text;
        }
    }

    public string? Text(AdditionalText file)
    {
        lock (_strings)
        {
            if (!_strings.TryGetValue(file, out var text))
            {
                text = SourceText(file)?.ToString();
                _strings[file] = text;
            }

            return text;
        }
    }

    public string? TextByNormalizedPath(string normalizedPath) =>
        _byPath.TryGetValue(normalizedPath, out var file) ? Text(file) : null;
}
