namespace ServicePolicy;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;

public sealed partial class PolicyEngine
{
    /// <summary>Builds the explanation of an allowed decision when it is first asked for.</summary>
    internal DecisionExplanation ExplainLater(in Decision decision, object? input, EvaluationContext? context)
    {
        if (_compiled == null || !_compiled.Actions.TryGetValue(decision.Action, out var action))
        {
            return DecisionExplanation.Empty;
        }

        return Explain(action, input, context?.ConsentStore ?? _consents, decision.Timestamp);
    }

    /// <summary>
    /// Re-runs the action in explaining mode: facts and routes first, then every rule with every
    /// condition evaluated (no short-circuit) and recorded with the value it saw.
    /// </summary>
    private DecisionExplanation Explain(CompiledAction action, object? input, IConsentStore consents, DateTimeOffset now)
    {
        var scope = EvaluationScope.Rent();
        try
        {
            scope.Begin(action, input, consents, _clock, now, trace: true, _limits, _budget);
            var notes = new List<string>();
            var trace = scope.Trace!;
            if (scope.Shape == InputShape.Invalid)
            {
                notes.Add($"The input is not an object with fields, so every field reads as missing.");
            }

            List<ConditionExplanation> routing;
            try
            {
                scope.EnsureFacts();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                notes.Add($"The facts could not be computed ({ex.GetType().Name}).");
            }

            routing = Lines(trace, 0);
            trace.Clear();

            var rules = new List<RuleExplanation>(action.Rules.Length);
            foreach (var rule in action.Rules)
            {
                var start = trace.Count;
                bool fired;
                try
                {
                    fired = rule.When == null || rule.When(scope);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    fired = false;
                    notes.Add($"Rule {rule.Id} could not be evaluated ({ex.GetType().Name}).");
                }

                var source = rule.Source;
                rules.Add(new RuleExplanation(rule.Id, source.Title, source.Principle, EffectName(source.Effect), fired, Lines(trace, start)));
            }

            var facts = new List<FactExplanation>();
            foreach (var slot in action.Fields.Slots)
            {
                if (slot.Derived)
                {
                    var value = scope.Get(slot.Index);
                    if (!value.IsMissingOrNull)
                    {
                        facts.Add(new FactExplanation(slot.Path, value.ToDisplayString()));
                    }
                }
            }

            for (var i = scope.Problems.Count - 1; i >= 0; i--)
            {
                notes.Insert(0, $"{scope.Problems[i].RuleId}: {scope.Problems[i].Message}");
            }

            return new DecisionExplanation(facts, routing, rules, notes);
        }
        finally
        {
            scope.Return();
        }
    }

    private static List<ConditionExplanation> Lines(List<TraceLine> trace, int start)
    {
        var lines = new List<ConditionExplanation>(trace.Count - start);
        for (var i = start; i < trace.Count; i++)
        {
            lines.Add(new ConditionExplanation(trace[i].Depth, trace[i].Text, trace[i].Actual, trace[i].Held));
        }

        return lines;
    }

    internal static string EffectName(RuleEffect effect) => effect switch
    {
        RuleEffect.Deny => "deny",
        RuleEffect.Warn => "warn",
        RuleEffect.RequireApproval => "require-approval",
        _ => "obligation",
    };
}
