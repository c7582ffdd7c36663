namespace ServicePolicy.Analyzers.Classification;

using ServicePolicy.Core.Model;

/// <summary>
/// The policy's bindings by name, compiled once per policy content into <see cref="SymbolPattern"/>
/// lists. Immutable and shared by every compilation that uses the same policy.
/// </summary>
internal sealed class PolicyBindings
{
    /// <summary>Log methods every .NET application has; the policy's logSinks add to them.</summary>
    internal static readonly IReadOnlyList<string> BuiltInLogSinks = new[]
    {
        "Microsoft.Extensions.Logging.ILogger.Log",
        "Microsoft.Extensions.Logging.LoggerExtensions.Log*",
        "System.Console.Write",
        "System.Console.WriteLine",
        "System.Diagnostics.Debug.Write*",
        "System.Diagnostics.Debug.Print",
        "System.Diagnostics.Trace.Write*",
        "System.Diagnostics.Trace.TraceInformation",
        "System.Diagnostics.Trace.TraceWarning",
        "System.Diagnostics.Trace.TraceError",
        "Serilog.ILogger.Verbose",
        "Serilog.ILogger.Debug",
        "Serilog.ILogger.Information",
        "Serilog.ILogger.Warning",
        "Serilog.ILogger.Error",
        "Serilog.ILogger.Fatal",
        "Serilog.ILogger.Write",
        "Serilog.Log.Verbose",
        "Serilog.Log.Debug",
        "Serilog.Log.Information",
        "Serilog.Log.Warning",
        "Serilog.Log.Error",
        "Serilog.Log.Fatal",
        "Serilog.Log.Write",
    };

    public static readonly PolicyBindings Empty = new(new Policy());

    public PolicyBindings(Policy policy)
    {
        var classification = policy.Classification;
        PersonalData = Compile(classification.Categories, c => c.Symbols, c => c);
        ProtectedAttributes = Compile(classification.ProtectedAttributes, a => a.Symbols, a => new ProtectedAttributeInfo(a.Id, null, ClassificationSource.Policy));
        Proxies = Compile(classification.Proxies, p => p.Symbols, p => new ProtectedAttributeInfo(p.StandsFor, p.Id, ClassificationSource.Policy));
        FieldNames = new ClassificationIndex(classification);

        var analyzers = policy.Analyzers;
        ThirdPartySinks = Compile(analyzers.ThirdPartySinks, s => new[] { s.Method }, s => string.IsNullOrWhiteSpace(s.Recipient) ? "*" : s.Recipient.Trim());
        LogSinks = Compile(analyzers.LogSinks, s => new[] { s.Method }, s => ClassificationSource.Policy)
            .Concat(Compile(BuiltInLogSinks, s => new[] { s }, s => ClassificationSource.BuiltIn))
            .ToArray();
        ConsentChecks = CompileAll(analyzers.ConsentChecks);
        Redactors = CompileAll(analyzers.Redactors);
        CustomerFacingText = CompileAll(analyzers.CustomerFacingText);

        var contexts = new List<DecisionContextPatterns>();
        foreach (var binding in analyzers.DecisionContexts)
        {
            contexts.Add(new DecisionContextPatterns(
                binding.Context,
                CompileAll(binding.Types),
                CompileAll(binding.Methods),
                CompileAll(binding.Interfaces),
                CompileAll(binding.Namespaces)));
        }

        DecisionContexts = contexts;
    }

    public IReadOnlyList<(SymbolPattern Pattern, DataCategory Category)> PersonalData { get; }

    /// <summary>The classification's field names, matched by words as the engine matches them (a member named CustomerEmail is `email`).</summary>
    public ClassificationIndex FieldNames { get; }

    private const int MaxCachedNames = 8192;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _compoundProtected = new(StringComparer.Ordinal);

    /// <summary>Whether a member name of several words carries a protected attribute, a proxy or a special category (cached per name).</summary>
    public bool IsCompoundProtectedName(string name)
    {
        if (_compoundProtected.TryGetValue(name, out var known))
        {
            return known;
        }

        var result = Core.Model.FieldNames.Words(name).Count > 1 && FieldNames.ProtectedOf(name) != null;
        if (_compoundProtected.Count < MaxCachedNames)
        {
            _compoundProtected.TryAdd(name, result);
        }

        return result;
    }

    public IReadOnlyList<(SymbolPattern Pattern, ProtectedAttributeInfo Info)> ProtectedAttributes { get; }

    public IReadOnlyList<(SymbolPattern Pattern, ProtectedAttributeInfo Info)> Proxies { get; }

    public IReadOnlyList<(SymbolPattern Pattern, string Recipient)> ThirdPartySinks { get; }

    public IReadOnlyList<(SymbolPattern Pattern, ClassificationSource Source)> LogSinks { get; }

    public IReadOnlyList<SymbolPattern> ConsentChecks { get; }

    public IReadOnlyList<SymbolPattern> Redactors { get; }

    public IReadOnlyList<SymbolPattern> CustomerFacingText { get; }

    public IReadOnlyList<DecisionContextPatterns> DecisionContexts { get; }

    /// <summary>True when the policy binds nothing to decision contexts (SP2001 then needs annotations).</summary>
    public bool HasDecisionContexts => DecisionContexts.Count > 0;

    private static (SymbolPattern, TValue)[] Compile<TItem, TValue>(IEnumerable<TItem> items, Func<TItem, IEnumerable<string>> patterns, Func<TItem, TValue> value)
    {
        var result = new List<(SymbolPattern, TValue)>();
        foreach (var item in items)
        {
            TValue? computed = default;
            var hasValue = false;
            foreach (var text in patterns(item))
            {
                var pattern = SymbolPattern.Create(text);
                if (pattern == null)
                {
                    continue;
                }

                if (!hasValue)
                {
                    computed = value(item);
                    hasValue = true;
                }

                result.Add((pattern, computed!));
            }
        }

        return result.ToArray();
    }

    private static SymbolPattern[] CompileAll(IEnumerable<string> texts) =>
        texts.Select(SymbolPattern.Create).Where(p => p != null).Select(p => p!).ToArray();
}

/// <summary>One <c>analyzers.decisionContexts</c> entry, compiled.</summary>
internal sealed class DecisionContextPatterns
{
    public DecisionContextPatterns(string kind, IReadOnlyList<SymbolPattern> types, IReadOnlyList<SymbolPattern> methods, IReadOnlyList<SymbolPattern> interfaces, IReadOnlyList<SymbolPattern> namespaces)
    {
        Kind = kind;
        Types = types;
        Methods = methods;
        Interfaces = interfaces;
        Namespaces = namespaces;
    }

    public string Kind { get; }

    public IReadOnlyList<SymbolPattern> Types { get; }

    public IReadOnlyList<SymbolPattern> Methods { get; }

    public IReadOnlyList<SymbolPattern> Interfaces { get; }

    public IReadOnlyList<SymbolPattern> Namespaces { get; }
}
