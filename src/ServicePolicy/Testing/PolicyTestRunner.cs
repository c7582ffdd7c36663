namespace ServicePolicy.Testing;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Runs the test cases written in a policy (<c>tests:</c>) or beside it: each case gets a fresh
/// engine over the compiled policy with its own consent store (from <c>given.consents</c>) and a
/// fixed clock (<c>given.now</c>, or <see cref="DefaultNow"/>), decides the case's action on its
/// input, and compares the decision with the expectation.
/// </summary>
/// <remarks>
/// Expectations: <c>effect</c> must be equal; each id in <c>violations</c> must be among the rules
/// that fired (<see cref="Decision.FiredRules"/>, obligation rules included); with
/// <c>exactly: true</c> no other rule may fire; each name in <c>obligations</c> must be among the
/// decision's obligation names; <c>result</c> must equal <see cref="Decision.Result"/>.
/// </remarks>
public static class PolicyTestRunner
{
    /// <summary>The clock of a case that does not say <c>given.now</c>: fixed, so tests never depend on the real time.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The time limit for regular expressions when the caller gives no options (2 s).</summary>
    public static readonly TimeSpan TestRegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="tests"/> (the policy's own tests when null) against <paramref name="policy"/>.</summary>
    public static PolicyTestReport Run(Policy policy, IEnumerable<PolicyTest>? tests = null, PolicyEngineOptions? options = null)
    {
        if (policy == null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var cases = (tests ?? policy.Tests).ToList();
        // A generous limit for regular expressions: a busy build machine can pause a thread for
        // longer than the production default, and a test must not fail because of that.
        options ??= new PolicyEngineOptions { RegexTimeout = TestRegexTimeout, DecisionTimeBudget = TimeSpan.FromSeconds(30) };
        if (!PolicyEngine.TryCreate(policy, options, out var engine, out var errors))
        {
            var why = string.Join(Environment.NewLine, errors.Where(e => e.IsError));
            return new PolicyTestReport(cases.Select(c => new PolicyTestResult(c, false, new[] { "the policy does not compile: " + why }, Describe(c.Expect), "(no decision)", why, null)).ToList());
        }

        return new PolicyTestReport(cases.Select(c => RunCase(engine!, c)).ToList());
    }

    /// <summary>Loads <paramref name="path"/> and runs its tests; a policy that does not load gives a report with one failed result naming the errors.</summary>
    public static PolicyTestReport RunFile(string path, PolicyEngineOptions? options = null)
    {
        var loaded = PolicyLoader.LoadFile(path, options?.LoadOptions);
        if (!loaded.Succeeded)
        {
            var why = string.Join(Environment.NewLine, loaded.Errors.Where(e => e.IsError));
            var placeholder = new PolicyTest { Name = $"{path} loads", Action = "" };
            return new PolicyTestReport(new[] { new PolicyTestResult(placeholder, false, new[] { "the policy does not load: " + why }, "the policy loads", "load errors", why, null) });
        }

        return Run(loaded.Policy!, null, options);
    }

    private static PolicyTestResult RunCase(PolicyEngine compiled, PolicyTest test)
    {
        var consents = new InMemoryConsentStore();
        foreach (var consent in test.Given.Consents)
        {
            var recipient = string.IsNullOrEmpty(consent.Recipient) ? InMemoryConsentStore.AnyRecipient : consent.Recipient;
            if (consent.Status == ConsentStatus.Granted)
            {
                consents.Grant(consent.Subject, consent.Purpose, recipient);
            }
            else
            {
                consents.Withdraw(consent.Subject, consent.Purpose, recipient);
            }
        }

        var engine = compiled.WithServices(consents, new FixedTimeProvider(test.Given.Now ?? DefaultNow));
        var decision = engine.Evaluate(test.Action, test.Input?.ToPlainObject());
        var failures = Compare(test.Expect, decision);
        var passed = failures.Count == 0;
        return new PolicyTestResult(test, passed, failures, Describe(test.Expect), Describe(decision), passed ? "" : decision.Explain(), decision);
    }

    private static List<string> Compare(TestExpectation expect, Decision decision)
    {
        var failures = new List<string>();
        if (expect.Effect is { } effect && effect != decision.Effect)
        {
            failures.Add($"expected effect {Decision.EffectName(effect)}, got {Decision.EffectName(decision.Effect)}");
        }

        var fired = new HashSet<string>(decision.FiredRules, StringComparer.Ordinal);
        var missing = expect.Violations.Where(v => !fired.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            failures.Add($"expected {Join(missing)} to fire, but {(missing.Count == 1 ? "it did" : "they did")} not");
        }

        if (expect.Exactly)
        {
            var extra = decision.FiredRules.Where(r => !expect.Violations.Contains(r, StringComparer.Ordinal)).ToList();
            if (extra.Count > 0)
            {
                failures.Add($"expected exactly {(expect.Violations.Count == 0 ? "no rule" : Join(expect.Violations))} to fire, but {Join(extra)} fired too");
            }
        }

        var obligations = new HashSet<string>(decision.Obligations.Select(o => o.Name), StringComparer.Ordinal);
        var missingObligations = expect.Obligations.Where(o => !obligations.Contains(o)).ToList();
        if (missingObligations.Count > 0)
        {
            failures.Add($"expected the obligation{(missingObligations.Count == 1 ? "" : "s")} {Join(missingObligations)}, but the decision has {(obligations.Count == 0 ? "none" : Join(obligations))}");
        }

        if (expect.Result.Length > 0 && !string.Equals(expect.Result, decision.Result, StringComparison.Ordinal))
        {
            failures.Add($"expected result {expect.Result}, got {decision.Result ?? "(none)"}");
        }

        return failures;
    }

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    private static string Describe(TestExpectation expect)
    {
        var parts = new List<string> { "effect " + (expect.Effect is { } effect ? Decision.EffectName(effect) : "(any)") };
        if (expect.Violations.Count > 0 || expect.Exactly)
        {
            parts.Add((expect.Exactly ? "exactly " : "") + "rules [" + Join(expect.Violations) + "]");
        }

        if (expect.Obligations.Count > 0)
        {
            parts.Add("obligations [" + Join(expect.Obligations) + "]");
        }

        if (expect.Result.Length > 0)
        {
            parts.Add("result " + expect.Result);
        }

        return string.Join(", ", parts);
    }

    private static string Describe(Decision decision)
    {
        var parts = new List<string>
        {
            "effect " + Decision.EffectName(decision.Effect),
            "rules [" + Join(decision.FiredRules) + "]",
        };
        if (decision.Obligations.Count > 0)
        {
            parts.Add("obligations [" + Join(decision.Obligations.Select(o => o.Name)) + "]");
        }

        if (decision.Result != null)
        {
            parts.Add("result " + decision.Result);
        }

        return string.Join(", ", parts);
    }

    /// <summary>A clock that always reads the same time.</summary>
    private sealed class FixedTimeProvider : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedTimeProvider(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
