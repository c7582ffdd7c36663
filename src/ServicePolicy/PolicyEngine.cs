namespace ServicePolicy;

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePolicy.Compilation;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;
using ServicePolicy.Telemetry;

/// <summary>
/// A policy compiled for run-time decisions. Immutable and safe to share between threads: build it
/// once (or let <c>AddServicePolicy</c> manage it) and call <see cref="Evaluate"/> on every request.
/// Rule conditions are compiled into delegates when the engine is built, never interpreted per call.
/// </summary>
public sealed partial class PolicyEngine : IPolicyEngine
{
    private static readonly string[] EffectNames = { "allow", "deny", "allow-with-obligations" };

    private readonly CompiledPolicy? _compiled;
    private readonly PolicyEngineOptions _options;
    private readonly IConsentStore _consents;
    private readonly TimeProvider _time;
    private readonly DecisionClock _clock;
    private readonly ILogger _logger;
    private readonly bool _logsDecisions;
    private readonly bool _failOpen;

    // The compiled built-in actions by KnownAction, so that the typed helpers skip the name lookup.
    // Null entries (and a null array for an engine that did not load) fall back to Evaluate by name.
    private readonly CompiledAction?[]? _known;

    // The size limits of an input (the policy's `limits`) and the time one decision may take.
    private readonly Input.InputLimits _limits;
    private readonly TimeSpan _budget;

    private PolicyEngine(CompiledPolicy? compiled, IReadOnlyList<PolicyError> loadErrors, PolicyEngineOptions options, IConsentStore? consents = null, TimeProvider? time = null)
    {
        _compiled = compiled;
        _options = options;
        _consents = consents ?? options.ConsentStore ?? new InMemoryConsentStore();
        _time = time ?? options.TimeProvider ?? TimeProvider.System;
        _clock = new DecisionClock(_time);
        _logger = options.LoggerFactory?.CreateLogger("ServicePolicy.Decisions") ?? NullLogger.Instance;
        _logsDecisions = _logger is not NullLogger;
        _failOpen = compiled == null && options.FailOpenOnLoadError;
        LoadErrors = loadErrors;
        _limits = Input.InputLimits.From(compiled?.Policy.Limits);
        _budget = options.DecisionTimeBudget;
        if (compiled != null)
        {
            _known = new CompiledAction?[KnownActions.Names.Length];
            for (var i = 0; i < _known.Length; i++)
            {
                _known[i] = compiled.Actions.GetValueOrDefault(KnownActions.Names[i]);
            }
        }
    }

    /// <summary>The policy the engine enforces; null when it failed to load.</summary>
    public Policy? Policy => _compiled?.Policy;

    public string PolicyName => _compiled?.Name ?? "";

    public string PolicyVersion => _compiled?.Version ?? "";

    /// <summary>The effective policy in force: name, version, included packs, content hash, rules switched off.</summary>
    public PolicyIdentity PolicyIdentity => _compiled?.Policy.Identity ?? PolicyIdentity.Unknown;

    /// <summary>Errors (and warnings) from loading and compiling the policy.</summary>
    public IReadOnlyList<PolicyError> LoadErrors { get; }

    /// <summary>True when the policy could not be loaded and every decision is denied.</summary>
    public bool IsFailClosed => _compiled == null && !_failOpen;

    /// <summary>The actions the engine can decide.</summary>
    public IEnumerable<string> Actions => _compiled?.Actions.Keys ?? Enumerable.Empty<string>();

    /// <summary>The consent store the engine reads (unless a request's context gives another).</summary>
    public IConsentStore ConsentStore => _consents;

    /// <summary>Compiles <paramref name="policy"/>. Throws <see cref="PolicyCompilationException"/> when it has errors.</summary>
    public static PolicyEngine Create(Policy policy, PolicyEngineOptions? options = null)
    {
        if (!TryCreate(policy, options, out var engine, out var errors))
        {
            throw new PolicyCompilationException(errors);
        }

        return engine!;
    }

    /// <summary>Compiles <paramref name="policy"/>, returning the problems instead of throwing.</summary>
    public static bool TryCreate(Policy policy, PolicyEngineOptions? options, out PolicyEngine? engine, out IReadOnlyList<PolicyError> errors)
    {
        if (policy == null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        options ??= new PolicyEngineOptions();
        var found = new List<PolicyError>();
        var compiled = PolicyCompiler.Compile(policy, options.RegexTimeout, found);
        errors = found;
        engine = compiled == null ? null : new PolicyEngine(compiled, found, options);
        return engine != null;
    }

    /// <summary>An engine that denies every action with a violation naming the load errors.</summary>
    public static PolicyEngine FailClosed(IReadOnlyList<PolicyError> loadErrors, PolicyEngineOptions? options = null)
    {
        var closed = new PolicyEngineOptions();
        if (options != null)
        {
            closed.ConsentStore = options.ConsentStore;
            closed.TimeProvider = options.TimeProvider;
            closed.LoggerFactory = options.LoggerFactory;
            closed.DecisionLogLevel = options.DecisionLogLevel;
        }

        return new PolicyEngine(null, loadErrors ?? Array.Empty<PolicyError>(), closed);
    }

    /// <summary>
    /// Loads, validates and compiles a policy file. Never throws for a bad file: when it cannot be
    /// loaded, the engine fails closed (denies everything, naming the errors) unless
    /// <see cref="PolicyEngineOptions.FailOpenOnLoadError"/> is set.
    /// </summary>
    public static PolicyEngine FromFile(string path, PolicyEngineOptions? options = null)
    {
        options ??= new PolicyEngineOptions();
        var loaded = PolicyLoader.LoadFile(path, options.LoadOptions);
        return FromLoadResult(loaded, path, options);
    }

    /// <summary>Like <see cref="FromFile"/>, for policy text already in memory.</summary>
    public static PolicyEngine FromText(string yaml, string fileName = "policy.yaml", PolicyEngineOptions? options = null)
    {
        options ??= new PolicyEngineOptions();
        return FromLoadResult(PolicyLoader.LoadText(yaml, fileName, options.LoadOptions), fileName, options);
    }

    internal static PolicyEngine FromLoadResult(PolicyLoadResult loaded, string path, PolicyEngineOptions options)
    {
        var logger = options.LoggerFactory?.CreateLogger("ServicePolicy.Loading") ?? NullLogger.Instance;
        var errors = loaded.Errors;
        if (loaded.Succeeded)
        {
            if (TryCreate(loaded.Policy!, options, out var engine, out var compileErrors))
            {
                DecisionLog.PolicyLoaded(logger, path, engine!.PolicyName, engine.PolicyVersion);
                return engine;
            }

            errors = compileErrors;
        }

        DecisionLog.PolicyLoadFailed(logger, path, errors);
        return options.FailOpenOnLoadError ? new PolicyEngine(null, errors, options) : FailClosed(errors, options);
    }

    /// <summary>The same compiled policy with other services (policy tests give each case its own consents and clock).</summary>
    internal PolicyEngine WithServices(IConsentStore consents, TimeProvider time) => new(_compiled, LoadErrors, _options, consents, time);

    internal CompiledPolicy? Compiled => _compiled;

    /// <inheritdoc />
    public Decision Evaluate(string action, object? input, EvaluationContext? context = null)
    {
        var compiled = _compiled;
        if (compiled != null && action != null && compiled.Actions.TryGetValue(action, out var compiledAction))
        {
            return EvaluateCompiled(compiledAction, input, context);
        }

        return EvaluateObserved(action, null, input, context);
    }

    /// <summary>A built-in action through its compiled form (the typed helpers); by name when this engine does not have it.</summary>
    internal Decision EvaluateKnown(KnownAction known, object? input, EvaluationContext? context)
    {
        var action = _known?[(int)known];
        return action != null ? EvaluateCompiled(action, input, context) : Evaluate(KnownActions.Names[(int)known], input, context);
    }

    private Decision EvaluateCompiled(CompiledAction action, object? input, EvaluationContext? context)
    {
        if (_logsDecisions || ServicePolicyTelemetry.IsObserved)
        {
            return EvaluateObserved(action.Name, action, input, context);
        }

        // Nobody listens (no ActivitySource listener, no Meter listener, no logger): nothing to record.
        try
        {
            return Decide(action, input, context);
        }
        catch (Exception ex)
        {
            return Failed(action.Name, input, context, ex);
        }
    }

    /// <summary>A decision with its activity, metrics and log entry; also every decision that does not reach a compiled action.</summary>
    private Decision EvaluateObserved(string? name, CompiledAction? action, object? input, EvaluationContext? context)
    {
        var started = ServicePolicyTelemetry.Duration.Enabled ? Stopwatch.GetTimestamp() : 0;
        using var activity = ServicePolicyTelemetry.Source.HasListeners() ? ServicePolicyTelemetry.Source.StartActivity(ServicePolicyTelemetry.DecisionActivity) : null;
        Decision decision;
        try
        {
            decision = action != null ? Decide(action, input, context) : DecideWithoutAction(name, input, context);
        }
        catch (Exception ex)
        {
            decision = Failed(name ?? "", input, context, ex);
        }

        Record(decision, activity, started, context);
        return decision;
    }

    // Last line of defence: a decision is always returned, and it denies.
    private Decision Failed(string action, object? input, EvaluationContext? context, Exception ex) =>
        Special(action, input, context, EngineRuleIds.EvaluationError,
            $"The decision could not be evaluated ({ex.GetType().Name}).", "Report this to the policy's owner with the decision id.", DecisionEffect.Deny);

    /// <summary>No policy, or an action the policy does not have.</summary>
    private Decision DecideWithoutAction(string? action, object? input, EvaluationContext? context)
    {
        var compiled = _compiled;
        if (compiled == null)
        {
            return NotLoaded(action ?? "", input, context);
        }

        var known = string.Join(", ", compiled.Actions.Keys.OrderBy(k => k, StringComparer.Ordinal));
        return Special(action ?? "", input, context, EngineRuleIds.UnknownAction,
            $"`{action}` is not an action of the policy {compiled.Name} {compiled.Version}.", $"Use one of: {known}; or declare it under `actions`.", DecisionEffect.Deny);
    }

    private Decision Decide(CompiledAction compiledAction, object? input, EvaluationContext? context)
    {
        var consents = context?.ConsentStore ?? _consents;
        var scope = EvaluationScope.Rent();
        DateTimeOffset now;
        string? result;
        long sequence;
        DecisionEffect effect;
        List<Violation>? violations = null;
        List<Obligation>? obligations = null;
        List<string>? fired = null;
        try
        {
            scope.Begin(compiledAction, input, consents, _clock, context?.Now, trace: false, _limits, _budget);
            Run(compiledAction, scope);
            now = scope.Now;
            sequence = scope.NextSequence();
            result = compiledAction.ResultSlot == null ? null : scope.Get(compiledAction.ResultSlot.Index).Text;
            if (scope.Fired.Count == 0 && scope.Problem == null)
            {
                effect = DecisionEffect.Allow;
            }
            else
            {
                effect = Collect(compiledAction, scope, out violations, out obligations, out fired);
            }
        }
        finally
        {
            scope.Return();
        }

        // A refused decision decides nothing: a caller that reads the queue or priority without
        // checking the effect must find none.
        if (effect == DecisionEffect.Deny)
        {
            result = null;
        }

        // A denial is explained at once (it is what people will ask about, and it must reflect the
        // consents of this moment); other decisions are explained on first request.
        var explanation = effect == DecisionEffect.Deny || _options.EagerExplanations
            ? Explain(compiledAction, input, consents, now)
            : null;
        return new Decision(this, sequence, compiledAction.Name, input, context, now, effect, result, violations, obligations, fired, explanation);
    }

    /// <summary>Checks the input, then runs every rule of the action; the fired rules and any problem are left in the scope.</summary>
    private static void Run(CompiledAction action, EvaluationScope scope)
    {
        try
        {
            if (scope.Shape == InputShape.Invalid)
            {
                scope.Report(EngineRuleIds.BadInput, $"The input of `{action.Name}` must be an object with fields (a class, a dictionary or a JSON object), not {DescribeInput(scope.Input)}.", "Pass the request's fields as an object.");
            }
            else
            {
                CheckInput(action, scope);
                if (scope.InputRefused)
                {
                    // Over a limit, or holding what no rule can read: refused as it is, no rule runs on it.
                    return;
                }

                CheckRequired(action, scope);
            }

            var rules = action.Rules;
            for (var i = 0; i < rules.Length; i++)
            {
                DecisionDeadline.ThrowIfPassed();
                var when = rules[i].When;
                if (when == null || when(scope))
                {
                    scope.Fired.Add(i);
                }
            }

            if (action.ProtectedSlot != null && !action.RulesHandleProtected && !scope.Get(action.ProtectedSlot.Index).IsEmpty())
            {
                scope.Report(EngineRuleIds.ProtectedInput,
                    $"The input of `{action.Name}` carries protected attributes or their proxies ({scope.Get(action.ProtectedSlot.Index).ToDisplayString()}); a {action.Info.Context} decision must not receive them.",
                    "Remove these fields from the input before asking for the decision.");
            }
        }
        catch (Exception ex) when (ex is DecisionBudgetExceededException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // Fail closed: running out of time never allows.
            scope.Report(EngineRuleIds.TimeBudgetExceeded, "The decision took longer than its time budget, so the rules could not all be checked; it is denied.", "Send a smaller input, simplify the policy's patterns, or raise DecisionTimeBudget in the engine options.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            scope.Report(EngineRuleIds.EvaluationError, $"The decision could not be evaluated ({ex.GetType().Name}: {ex.Message}).", "Check the consent store and the input; report this to the policy's owner with the decision id.");
        }
    }

    /// <summary>Reads every input field the action uses once, so that each is checked against the input limits before any rule runs.</summary>
    private static void CheckInput(CompiledAction action, EvaluationScope scope)
    {
        var slots = action.SlotArray;
        for (var i = 0; i < slots.Length; i++)
        {
            if (!slots[i].Derived)
            {
                _ = scope.Get(i);
            }
        }
    }

    private static void CheckRequired(CompiledAction action, EvaluationScope scope)
    {
        List<string>? missing = null;
        foreach (var field in action.Required)
        {
            if (scope.Get(field.Index).IsMissingOrNull)
            {
                (missing ??= new List<string>()).Add(field.Path);
            }
        }

        if (missing != null)
        {
            scope.Report(EngineRuleIds.MissingField,
                $"`{action.Name}` cannot be decided without {string.Join(", ", missing.Select(m => "`" + m + "`"))}.",
                $"Send {string.Join(" and ", missing)} with the request.");
        }
    }

    private static string DescribeInput(object? input) => input switch
    {
        string => "a text",
        System.Text.Json.JsonElement element => "JSON " + element.ValueKind.ToString().ToLowerInvariant(),
        System.Text.Json.JsonDocument document => "JSON " + document.RootElement.ValueKind.ToString().ToLowerInvariant(),
        System.Collections.IEnumerable => "a list",
        _ => "a " + input?.GetType().Name,
    };

    /// <summary>Turns the fired rules and any problem into violations, obligations and the effect.</summary>
    private static DecisionEffect Collect(CompiledAction action, EvaluationScope scope, out List<Violation> violations, out List<Obligation> obligations, out List<string> fired)
    {
        var count = scope.Fired.Count + scope.Problems.Count;
        violations = new List<Violation>(count);
        obligations = new List<Obligation>(count);
        fired = new List<string>(count);
        var deny = false;
        var obligated = false;
        foreach (var problem in scope.Problems)
        {
            violations.Add(new Violation(problem.RuleId, "", Severity.Error, null, problem.Message, problem.Remediation));
            if (!fired.Contains(problem.RuleId))
            {
                fired.Add(problem.RuleId);
            }

            deny = true;
        }

        foreach (var index in scope.Fired)
        {
            var rule = action.Rules[index];
            var source = rule.Source;
            fired.Add(rule.Id);
            var message = rule.Message.Render(scope);
            if (rule.RaisesViolation)
            {
                violations.Add(new Violation(rule.Id, source.Principle, source.Severity, source.Effect, message, rule.Remediation.Render(scope)));
            }

            if (rule.RaisesObligation)
            {
                obligations.Add(new Obligation(rule.ObligationName, rule.Id, message, Details(rule, scope), source.Effect == RuleEffect.RequireApproval));
                obligated = true;
            }

            deny |= source.Effect == RuleEffect.Deny;
        }

        return deny ? DecisionEffect.Deny : obligated ? DecisionEffect.AllowWithObligations : DecisionEffect.Allow;
    }

    private static IReadOnlyDictionary<string, object?> Details(CompiledRule rule, EvaluationScope scope)
    {
        var details = new Dictionary<string, object?>(rule.ConditionFields.Length, StringComparer.Ordinal);
        foreach (var field in rule.ConditionFields)
        {
            var value = scope.Get(field.Index);
            if (!value.IsMissingOrNull)
            {
                details[field.Path] = field.Personal ? "***" : value.ToPlainObject();
            }
        }

        return details;
    }

    private Decision NotLoaded(string action, object? input, EvaluationContext? context)
    {
        var first = LoadErrors.FirstOrDefault(e => e.IsError) ?? LoadErrors.FirstOrDefault();
        var count = LoadErrors.Count(e => e.IsError);
        var what = first == null ? "no policy was given" : $"{count} error{(count == 1 ? "" : "s")}, the first: {first}";
        return _failOpen
            ? Special(action, input, context, EngineRuleIds.PolicyNotLoaded, $"The policy could not be loaded ({what}); the application chose to allow actions anyway (fail open).", "Fix the policy file.", DecisionEffect.Allow)
            : Special(action, input, context, EngineRuleIds.PolicyNotLoaded, $"The policy could not be loaded ({what}); every action is denied until it is fixed.", "Fix the policy file; `servicepolicy validate` lists every error.", DecisionEffect.Deny);
    }

    private Decision Special(string action, object? input, EvaluationContext? context, string ruleId, string message, string remediation, DecisionEffect effect)
    {
        var violation = new Violation(ruleId, "", effect == DecisionEffect.Deny ? Severity.Critical : Severity.Warning, effect == DecisionEffect.Deny ? RuleEffect.Deny : RuleEffect.Warn, message, remediation);
        var explanation = new DecisionExplanation(Array.Empty<FactExplanation>(), Array.Empty<ConditionExplanation>(), Array.Empty<RuleExplanation>(), new[] { message });
        return new Decision(this, EvaluationScope.NextSequenceOnThisThread(), action, input, context, context?.Now ?? _clock.GetUtcNow(), effect, null, new[] { violation }, Array.Empty<Obligation>(), new[] { ruleId }, explanation);
    }

    private void Record(in Decision decision, Activity? activity, long started, EvaluationContext? context)
    {
        var effectName = EffectNames[(int)decision.Effect];
        if (ServicePolicyTelemetry.Decisions.Enabled)
        {
            ServicePolicyTelemetry.Decisions.Add(1, new KeyValuePair<string, object?>("action", decision.Action), new KeyValuePair<string, object?>("effect", effectName));
        }

        if (ServicePolicyTelemetry.Violations.Enabled)
        {
            foreach (var violation in decision.Violations)
            {
                ServicePolicyTelemetry.Violations.Add(1, new KeyValuePair<string, object?>("rule", violation.RuleId), new KeyValuePair<string, object?>("principle", violation.Principle), new KeyValuePair<string, object?>("action", decision.Action));
            }
        }

        if (started != 0)
        {
            ServicePolicyTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("action", decision.Action));
        }

        if (activity != null)
        {
            activity.SetTag("servicepolicy.decision.id", decision.Id.ToString());
            activity.SetTag("servicepolicy.action", decision.Action);
            activity.SetTag("servicepolicy.effect", effectName);
            activity.SetTag("servicepolicy.rules", string.Join(",", decision.FiredRules));
            activity.SetTag("servicepolicy.policy.name", decision.PolicyName);
            activity.SetTag("servicepolicy.policy.version", decision.PolicyVersion);
            activity.SetTag("servicepolicy.policy.hash", decision.PolicyIdentity.ContentHash);
            if (context?.CorrelationId != null)
            {
                activity.SetTag("servicepolicy.correlation.id", context.CorrelationId);
            }

            if (decision.Effect == DecisionEffect.Deny)
            {
                activity.SetStatus(ActivityStatusCode.Ok, "denied");
            }
        }

        DecisionLog.Decision(_logger, _options.DecisionLogLevel, decision);
    }
}
