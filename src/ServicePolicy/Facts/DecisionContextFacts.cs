namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// Decision contexts (routing, prioritisation, pricing, eligibility): the input fields that carry
/// a protected attribute or a proxy, and the result of the policy's table for the action.
/// </summary>
internal sealed class DecisionContextFacts : FactProvider
{
    private readonly PolicyContext _context;
    private readonly CompiledAction _action;
    private readonly FieldSlot _protected;
    private readonly FieldSlot _result;

    public DecisionContextFacts(FieldTable fields, PolicyContext context, CompiledAction action)
    {
        _context = context;
        _action = action;
        _protected = fields.Slot("input.protected");
        _result = fields.Slot("result");
    }

    public override void Compute(EvaluationScope scope)
    {
        var found = scope.Buffer(_protected.Index);
        _context.Scanner.Scan(scope.Input, found);
        scope.Set(_protected.Index, FieldValue.FromList(found));
        if (_action.Routing != null)
        {
            var result = _action.Routing.Decide(scope);
            scope.Set(_result.Index, result == null ? FieldValue.Missing : FieldValue.FromText(result));
        }
    }
}
