namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;

/// <summary>
/// The routing tables of one decision action: routes tried in file order, the first whose
/// condition holds decides; otherwise the default. Route conditions were compiled with protected
/// attributes and proxies forbidden, so a table can never see them.
/// </summary>
internal sealed class CompiledRouting
{
    private readonly Route[] _routes;
    private readonly Func<EvaluationScope, bool>?[] _conditions;
    private readonly string? _default;

    public CompiledRouting(IReadOnlyList<(Route Route, Func<EvaluationScope, bool>? When)> routes, string? defaultResult)
    {
        _routes = routes.Select(r => r.Route).ToArray();
        _conditions = routes.Select(r => r.When).ToArray();
        _default = string.IsNullOrEmpty(defaultResult) ? null : defaultResult;
    }

    public string? Decide(EvaluationScope scope)
    {
        for (var i = 0; i < _routes.Length; i++)
        {
            var line = scope.Trace?.Count ?? 0;
            if (scope.Trace != null)
            {
                scope.Record(0, $"route {i + 1} -> {_routes[i].Result}" + (_routes[i].Reason.Length > 0 ? $" ({_routes[i].Reason})" : ""), null, false);
            }

            var condition = _conditions[i];
            var held = condition == null || condition(scope);
            if (scope.Trace != null)
            {
                var entry = scope.Trace[line];
                entry.Held = held;
                scope.Trace[line] = entry;
            }

            if (held)
            {
                return _routes[i].Result;
            }
        }

        if (scope.Trace != null)
        {
            scope.Record(0, "no route matched: default -> " + (_default ?? "(none)"), null, true);
        }

        return _default;
    }
}
