namespace ServicePolicy.Analyzers.Privacy;

using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// The flow engine's state for one <see cref="PolicyContext"/> (one compilation): shared by SP1001 and
/// SP1002 so that each body is analysed once, whichever analyzer asks first.
/// </summary>
internal sealed class PrivacyFlow
{
    private static readonly ConditionalWeakTable<PolicyContext, PrivacyFlow> PerContext = new();

    private readonly BuiltOnce<SinkNameFilter> _sinkNames = new();

    private PrivacyFlow(PolicyContext policy)
    {
        Policy = policy;
        Roles = new PolicyPrivacyRoles(policy.Symbols, policy.Compilation);
        Cache = new PrivacyFlowCache(policy.Compilation, Roles);
        Hints = new PrivacyFixHints(policy);
        IsActive = HasPersonalDataDeclared(policy);
    }

    public PolicyContext Policy { get; }

    public PolicyPrivacyRoles Roles { get; }

    public PrivacyFlowCache Cache { get; }

    public PrivacyFixHints Hints { get; }

    /// <summary>
    /// False when nothing in the policy or the compilation can be personal data (no classified symbols,
    /// no reference to the annotations): then no body needs analysing at all.
    /// </summary>
    public bool IsActive { get; }

    /// <summary>The syntax pre-filter of the compilation, built on first use (by whichever tree comes first).</summary>
    public SinkNameFilter SinkNames(CancellationToken cancellationToken) => _sinkNames.Get(() =>
    {
        var filter = SinkNameFilter.Build(Policy, cancellationToken);
        Cache.NameFilter = filter;
        return filter;
    });

    public static PrivacyFlow For(PolicyContext policy) => PerContext.GetValue(policy, p => new PrivacyFlow(p));

    private static bool HasPersonalDataDeclared(PolicyContext policy)
    {
        foreach (var category in policy.Policy.Classification.Categories)
        {
            if (category.Symbols.Count > 0)
            {
                return true;
            }
        }

        // [PersonalData] is usable from the annotations assembly or from a source copy of it.
        return policy.Compilation.GetTypeByMetadataName("ServicePolicy.Annotations.PersonalDataAttribute") != null
            || policy.Compilation.GetSymbolsWithName("PersonalDataAttribute", SymbolFilter.Type).Any();
    }
}
