namespace ServicePolicy.Tests;

using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using ServicePolicy.Core.Model;

/// <summary>
/// Fuzzes decision inputs for the seed pack: decisions the pack allows and denies, mutated with
/// hostile values (lists that contain themselves, lists nested thousands deep, endless enumerables,
/// texts over the limit, dictionaries that contain themselves, getters that throw...), extra
/// fields, wrapped values and JSON versions of the same input. Every case must give a decision
/// without an exception and within the hang bound, and no mutation may turn a denied input into an
/// allowed one. SERVICEPOLICY_FUZZ_DECISIONS sets the number of cases (400 by default).
/// </summary>
public sealed class DecisionFuzzTests
{
    private const int DefaultCases = 400;
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(30);
    private static readonly string OverLimitText = new('x', PolicyLimits.DefaultMaxTextLength + 1);

    private static readonly Lazy<PolicyEngine> Engine = new(() =>
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync", "crm-provider");
        return SeedPack.Engine(consents, SeedPack.Now);
    });

    /// <summary>The unfuzzed inputs: an action, its input (built fresh each time) and a name for failure messages.</summary>
    private static readonly (string Name, string Action, Func<Dictionary<string, object?>> Input)[] Seeds =
    {
        ("share without consent", "data.share", () => new() { ["subject"] = "c-2", ["recipient"] = "crm-provider", ["purpose"] = "crm-sync", ["fields"] = new List<object?> { "email", "phone" } }),
        ("share with consent", "data.share", () => new() { ["subject"] = "c-1", ["recipient"] = "crm-provider", ["purpose"] = "crm-sync", ["fields"] = new List<object?> { "email" } }),
        ("banned claim", "message.send", () => new() { ["text"] = "This plan is guaranteed to work, no risk at all.", ["language"] = "en" }),
        ("disrespectful message", "message.send", () => new() { ["text"] = "Only an idiot would ask that.", ["language"] = "en" }),
        ("plain message", "message.send", () => new() { ["text"] = "Thanks for waiting, your order ships on Monday.", ["language"] = "en" }),
        ("refund above the limit", "refund.issue", () => new() { ["agent"] = new Dictionary<string, object?> { ["role"] = "agent" }, ["amount"] = 5000 }),
        ("small refund", "refund.issue", () => new() { ["agent"] = new Dictionary<string, object?> { ["role"] = "agent" }, ["amount"] = 5 }),
        ("routing with a protected attribute", "ticket.route", () => new() { ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" }, ["customer"] = new Dictionary<string, object?> { ["id"] = "c-1", ["gender"] = "female" } }),
        ("plain routing", "ticket.route", () => new() { ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" }, ["customer"] = new Dictionary<string, object?> { ["id"] = "c-1" } }),
    };

    private const int HostileKinds = 11;
    private const int HarmlessNull = 5;
    private const int HarmlessNumber = 8;
    private const int HarmlessEmptyList = 10;

    [Fact]
    public void No_mutation_throws_hangs_or_turns_a_denial_into_an_allow()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("SERVICEPOLICY_FUZZ_DECISIONS"), out var configured) && configured > 0 ? configured : DefaultCases;
        var baseline = Seeds.Select(s => Engine.Value.Evaluate(s.Action, s.Input()).Effect).ToArray();
        Assert.Contains(DecisionEffect.Deny, baseline);
        Assert.Contains(DecisionEffect.Allow, baseline);

        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 3], Gen.Int[0, HostileKinds - 1], Gen.Int[0, 1_000])
            .Sample((seed, mutation, hostile, position) => Check(seed, mutation, hostile, position, baseline[seed]), iter: cases, threads: 1);
    }

    private static void Check(int seed, int mutation, int hostile, int position, DecisionEffect before)
    {
        var (name, action, build) = Seeds[seed];
        var input = build();
        object fuzzed;
        string what;
        switch (mutation)
        {
            case 0:
                // A field no rule reads, holding something hostile.
                input["x-extra-" + position] = Hostile(hostile);
                fuzzed = input;
                what = $"extra field holding hostile value {hostile}";
                break;
            case 1:
                var path = Replace(input, position, Hostile(hostile));
                fuzzed = input;
                what = $"`{path}` replaced by hostile value {hostile}";
                break;
            case 2:
                var wrapped = Replace(input, position, null, wrap: true);
                fuzzed = input;
                what = $"`{wrapped}` wrapped in a list";
                break;
            default:
                fuzzed = JsonSerializer.SerializeToElement(input);
                what = "the same input as JSON";
                break;
        }

        var started = Stopwatch.GetTimestamp();
        Decision decision = default;
        var thrown = Record.Exception(() => decision = Engine.Value.Evaluate(action, fuzzed));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(thrown == null, $"{name}, {what}: {thrown}");
        Assert.True(elapsed < HangBound, $"{name}, {what}: the decision took {elapsed}");
        // Replacing the offending value by null, a number or an empty list removes it: that may rightly allow.
        var removesTheCause = mutation == 1 && hostile is HarmlessNull or HarmlessNumber or HarmlessEmptyList;
        if (before == DecisionEffect.Deny && !removesTheCause)
        {
            Assert.True(decision.Effect == DecisionEffect.Deny, $"{name}, {what}: denied unfuzzed, but {decision.Effect} fuzzed");
        }

        if (mutation == 3)
        {
            Assert.True(decision.Effect == before, $"{name}, {what}: {before} as a dictionary, {decision.Effect} as JSON");
        }
    }

    /// <summary>Replaces (or wraps in a list) the value at one leaf of the input, chosen by <paramref name="position"/>; returns its path.</summary>
    private static string Replace(Dictionary<string, object?> input, int position, object? value, bool wrap = false)
    {
        var leaves = new List<(Dictionary<string, object?> Owner, string Key, string Path)>();
        Collect(input, "", leaves);
        var (owner, key, path) = leaves[position % leaves.Count];
        owner[key] = wrap ? new List<object?> { owner[key] } : value;
        return path;
    }

    private static void Collect(Dictionary<string, object?> node, string prefix, List<(Dictionary<string, object?>, string, string)> leaves)
    {
        foreach (var key in node.Keys.ToList())
        {
            if (node[key] is Dictionary<string, object?> child)
            {
                Collect(child, prefix + key + ".", leaves);
            }
            else
            {
                leaves.Add((node, key, prefix + key));
            }
        }
    }

    private static object? Hostile(int kind)
    {
        switch (kind)
        {
            case 0:
                var self = new List<object?> { "email" };
                self.Add(self);
                return self;
            case 1:
                object nested = "email";
                for (var i = 0; i < 20_000; i++)
                {
                    nested = new List<object?> { nested };
                }

                return nested;
            case 2:
                return Endless();
            case 3:
                return OverLimitText;
            case 4:
                return new List<object?> { new Dictionary<string, object?> { ["name"] = "email" }, 7 };
            case 5:
                return null;
            case 6:
                var cycle = new Dictionary<string, object?> { ["role"] = "agent" };
                cycle["self"] = cycle;
                cycle["customer"] = cycle;
                return cycle;
            case 7:
                return new ThrowingGetter();
            case 8:
                return double.NaN;
            case 9:
                return Enumerable.Repeat<object?>("email", PolicyLimits.DefaultMaxListItems + 1).ToList();
            default:
                return new List<object?>();
        }
    }

    private static IEnumerable Endless()
    {
        while (true)
        {
            yield return "guaranteed";
        }
    }

    private sealed class ThrowingGetter
    {
        public string Role => throw new InvalidOperationException("hostile getter");

        public string Category => throw new InvalidOperationException("hostile getter");
    }
}
