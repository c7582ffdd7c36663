namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Facts;

/// <summary>
/// Compiles a loaded policy: for every action, the fields it reads get slots, each enabled rule's
/// condition becomes a delegate and its message a template, the routing tables become ordered
/// route delegates (refusing protected attributes and proxies), and the action's fact provider is
/// attached. Every problem is collected; a policy with any problem does not compile.
/// </summary>
internal static class PolicyCompiler
{
    public static CompiledPolicy? Compile(Policy policy, TimeSpan regexTimeout, List<PolicyError> errors)
    {
        var context = new PolicyContext(policy, regexTimeout);
        foreach (var problem in context.Text.Problems)
        {
            // A phrase or pattern the matcher cannot use is skipped; the validator reports it as an error.
            errors.Add(new PolicyError(PolicyErrorCodes.InvalidValue, problem, policy.LocationOf("text"), severity: ErrorSeverity.Warning));
        }

        var disabled = new HashSet<string>(policy.Disable, StringComparer.Ordinal);
        var actions = new Dictionary<string, CompiledAction>(StringComparer.Ordinal);
        foreach (var info in ActionCatalog.ForPolicy(policy).Values)
        {
            actions[info.Name] = CompileAction(info, policy, context, disabled, regexTimeout, errors);
        }

        return errors.Any(e => e.IsError) ? null : new CompiledPolicy(policy, context, actions);
    }

    private static CompiledAction CompileAction(ActionInfo info, Policy policy, PolicyContext context, HashSet<string> disabled, TimeSpan regexTimeout, List<PolicyError> errors)
    {
        var fields = new FieldTable(info, context.Classifier);
        var action = new CompiledAction(info, fields);
        action.Facts = FactProvider.For(info, fields, context, action);
        action.Required = action.Facts?.Required.ToArray() ?? Array.Empty<FieldSlot>();

        var conditions = new ConditionCompiler(fields, errors, regexTimeout);
        var rules = new List<CompiledRule>();
        foreach (var rule in policy.Rules)
        {
            if (!rule.Enabled || disabled.Contains(rule.Id) || !rule.Action.Contains(info.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var when = rule.When == null ? null : conditions.Compile(rule.When);
            var message = MessageTemplate.Compile(MessageOf(rule), fields);
            var shown = FieldsOf(rule.When).Select(fields.Slot).Concat(message.Fields).Distinct().ToArray();
            rules.Add(new CompiledRule(rule, when, message, MessageTemplate.Compile(rule.Remediation, fields), shown));
            if (FieldsOf(rule.When).Contains("input.protected", StringComparer.Ordinal))
            {
                action.RulesHandleProtected = true;
            }
        }

        action.Rules = rules.ToArray();

        if (info.IsDecisionContext)
        {
            action.ProtectedSlot = fields.Slot("input.protected");
            action.ResultSlot = fields.Slot("result");
            var tables = policy.Routing.Where(t => string.Equals(t.Action, info.Name, StringComparison.Ordinal)).ToList();
            if (tables.Count > 0)
            {
                var routeConditions = new ConditionCompiler(fields, errors, regexTimeout, path => ForbiddenInRoute(path, context, info));
                var routes = tables.SelectMany(t => t.Routes).Select(r => (r, r.When == null ? null : routeConditions.Compile(r.When, 1))).ToList();
                action.Routing = new CompiledRouting(routes, tables.Select(t => t.Default).FirstOrDefault(d => d.Length > 0));
            }
        }

        action.Freeze();
        return action;
    }

    private static string MessageOf(Rule rule) => rule.Message.Length > 0 ? rule.Message : rule.Title.Length > 0 ? rule.Title : rule.Id;

    private static string? ForbiddenInRoute(string path, PolicyContext context, ActionInfo action)
    {
        var attribute = context.Classifier.ProtectedAttributeOf(path);
        if (attribute != null)
        {
            return $"A route of `{action.Name}` tests `{path}`, which carries the protected attribute `{attribute}`: {action.Context} must not depend on it (P2). Remove the condition.";
        }

        return path == "input.protected"
            ? $"A route of `{action.Name}` tests `input.protected`; routes must not look at protected attributes at all (P2)."
            : null;
    }

    /// <summary>Every field a condition tree tests.</summary>
    public static IEnumerable<string> FieldsOf(Condition? condition)
    {
        if (condition == null)
        {
            yield break;
        }

        if (condition.Field != null)
        {
            yield return condition.Field;
        }

        foreach (var child in (condition.All ?? new List<Condition>()).Concat(condition.Any ?? new List<Condition>()))
        {
            foreach (var field in FieldsOf(child))
            {
                yield return field;
            }
        }

        foreach (var field in FieldsOf(condition.Not))
        {
            yield return field;
        }
    }
}
