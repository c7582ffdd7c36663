namespace ServicePolicy.Analyzers.Privacy;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Classification;

/// <summary>
/// The parameters a policy sink entry limits a sink to: <c>"AuditLog.Record(details)"</c> makes only what is
/// passed as <c>details</c> reach the sink, so a customer passed as the <c>actor</c> of the same call is not
/// reported. An entry without parentheses covers every parameter, and wins when both kinds match a method.
/// </summary>
internal static class SinkParameters
{
    /// <summary>The ordinals the matching entries name; default (every parameter) when any entry names none.</summary>
    public static ImmutableArray<int> Of(IMethodSymbol method, IEnumerable<SymbolPattern> patterns)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var matched = false;
        foreach (var candidate in RelatedMembers.Of(method))
        {
            foreach (var pattern in patterns)
            {
                if (!SymbolNames.MethodNames(candidate).Any(pattern.Matches))
                {
                    continue;
                }

                if (pattern.ParameterNames.Count == 0)
                {
                    return default;
                }

                matched = true;
                names.UnionWith(pattern.ParameterNames);
            }
        }

        if (!matched)
        {
            return default;
        }

        // Ordinals of the method as called (a reduced extension method's receiver is not an argument of it).
        return method.Parameters.Where(p => names.Contains(p.Name)).Select(p => p.Ordinal).ToImmutableArray();
    }
}
