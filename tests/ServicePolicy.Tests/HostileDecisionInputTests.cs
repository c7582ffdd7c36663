namespace ServicePolicy.Tests;

using System.Collections;
using System.Text.Json;
using ServicePolicy.Core.Model;

/// <summary>
/// Inputs built to crash or stall the engine: lists that contain themselves, lists nested without
/// end, enumerables that never end, wrong elements, huge texts. Each must be refused with a
/// decision that says why, on a thread with a small stack and well within the hang bound.
/// </summary>
public sealed class HostileDecisionInputTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_list_that_contains_itself_is_bad_input()
    {
        var fields = new List<object?> { "email" };
        fields.Add(fields);

        var decision = Decide(Share(fields));

        AssertRefused(decision, "engine.bad-input", "`fields`", "[1] is a list");
    }

    [Fact]
    public void Lists_nested_a_hundred_thousand_deep_are_bad_input()
    {
        object nested = new List<object?> { "email" };
        for (var i = 0; i < 100_000; i++)
        {
            nested = new List<object?> { nested };
        }

        var decision = Decide(Share(nested));

        AssertRefused(decision, "engine.bad-input", "`fields`", "[0] is a list");
    }

    [Fact]
    public void Json_arrays_nested_deeper_than_any_stack_are_bad_input()
    {
        const int Depth = 100_000;
        var json = "{\"subject\":\"c-1\",\"recipient\":\"crm-provider\",\"purpose\":\"crm-sync\",\"fields\":[" + new string('[', Depth) + "\"email\"" + new string(']', Depth) + "]}";
        var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = Depth + 10 });

        var decision = Decide(document.RootElement);

        AssertRefused(decision, "engine.bad-input", "`fields`", "[0] is a list");
    }

    [Fact]
    public void An_endless_enumerable_of_fields_is_refused_at_the_list_limit()
    {
        var decision = Decide(Share(Endless()));

        AssertRefused(decision, "engine.input-too-large", "`fields`", "limits.maxListItems");
    }

    [Fact]
    public void Every_wrong_element_is_reported_not_only_the_first()
    {
        var input = JsonDocument.Parse("""{"subject":"c-1","recipient":"crm-provider","purpose":"crm-sync","fields":[{"name":"email"},7,"phone",null,["iban"]]}""").RootElement;

        var decision = Decide(input);

        var violation = AssertRefused(decision, "engine.bad-input", "`fields`", "[0] is an object");
        Assert.Contains("[1] is a number", violation.Message, StringComparison.Ordinal);
        Assert.Contains("[3] is null", violation.Message, StringComparison.Ordinal);
        Assert.Contains("[4] is a list", violation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[2]", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_several_fields_are_each_reported()
    {
        var limits = "limits:\n  maxTextLength: 10\n  maxListItems: 2\n";
        var engine = PolicyEngine.Create(InlinePolicy.Load(ActionsWithNoteAndTags + limits));

        var decision = engine.Evaluate("case.check", new Dictionary<string, object?> { ["note"] = new string('x', 11), ["tags"] = new[] { "a", "b", "c" } });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal(2, decision.Violations.Count(v => v.RuleId == "engine.input-too-large"));
        Assert.Contains(decision.Violations, v => v.Message.Contains("`note` holds 11 characters", StringComparison.Ordinal));
        Assert.Contains(decision.Violations, v => v.Message.Contains("`tags` has more than 2 elements", StringComparison.Ordinal));
    }

    [Fact]
    public void Inputs_within_the_policy_limits_are_decided_as_before()
    {
        var limits = "limits:\n  maxTextLength: 10\n  maxListItems: 3\n";
        var engine = PolicyEngine.Create(InlinePolicy.Load(ActionsWithNoteAndTags + limits));

        var decision = engine.Evaluate("case.check", new Dictionary<string, object?> { ["note"] = new string('x', 10), ["tags"] = new List<object?> { "a", "b", "c" } });

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
    }

    [Fact]
    public void A_hundred_megabyte_message_is_refused_before_any_text_is_scanned()
    {
        var engine = SeedPack.Engine(now: SeedPack.Now);
        var text = new string('a', 100 * 1024 * 1024);
        var input = new Dictionary<string, object?> { ["text"] = text, ["language"] = "en" };
        engine.Evaluate("message.send", new Dictionary<string, object?> { ["text"] = "warm up", ["language"] = "en" });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decision = engine.Evaluate("message.send", input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertRefused(decision, "engine.input-too-large", "`text`", "limits.maxTextLength");
        // The text itself is 200 MB; checking it must not copy it (normalising it would).
        Assert.True(allocated < 1024 * 1024, $"refusing the message allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_list_of_long_texts_is_refused_by_the_text_limit()
    {
        var engine = PolicyEngine.Create(InlinePolicy.Load(ActionsWithNoteAndTags + "limits:\n  maxTextLength: 5\n"));

        var decision = engine.Evaluate("case.check", new Dictionary<string, object?> { ["tags"] = new[] { "short", "much longer" } });

        AssertRefused(decision, "engine.input-too-large", "`tags[]`", "holds 11 characters");
    }

    private const string ActionsWithNoteAndTags = """
        actions:
          - name: case.check
            fields:
              note: text
              tags: list
        rules:
          - id: R1
            principle: P3
            action: case.check
            effect: deny
            when:
              field: tags
              op: contains
              value: forbidden
          - id: R2
            principle: P3
            action: case.check
            effect: deny
            when:
              field: note
              op: contains
              value: forbidden

        """;

    private static Dictionary<string, object?> Share(object fields) => new()
    {
        ["subject"] = "c-1",
        ["recipient"] = "crm-provider",
        ["purpose"] = "crm-sync",
        ["fields"] = fields,
    };

    private static IEnumerable Endless()
    {
        while (true)
        {
            yield return "email";
        }
    }

    /// <summary>Decides data.share against the seed pack (with consent, so only the input can deny) on a small stack, failing on a hang.</summary>
    private static Decision Decide(object input)
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync", "crm-provider");
        var engine = SeedPack.Engine(consents);
        Decision decision = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                decision = engine.Evaluate("data.share", input);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        Assert.True(thread.Join(HangBound), "The decision hung.");
        Assert.Null(failure);
        return decision;
    }

    private static Violation AssertRefused(Decision decision, string ruleId, params string[] saying)
    {
        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = Assert.Single(decision.Violations, v => v.RuleId == ruleId);
        foreach (var part in saying)
        {
            Assert.Contains(part, violation.Message, StringComparison.Ordinal);
        }

        return violation;
    }
}
