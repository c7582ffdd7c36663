namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>How each operator treats values, missing fields and wrong types (the semantics documented for policy authors).</summary>
public sealed class ConditionSemanticsTests
{
    private const string Actions = """
        actions:
          - name: case.check
            fields:
              amount: number
              note: text
              tags: list
              flag: yes-no
              at: date-time
              wait: duration
              code: text

        """;

    private static Decision Check(string condition, object? input)
    {
        var yaml = Actions + "rules:\n  - id: R1\n    principle: P3\n    action: case.check\n    effect: deny\n    message: \"fired with {note}\"\n    when:\n" + Indent(condition, 6);
        return InlinePolicy.Engine(yaml).Evaluate("case.check", input);
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l)) + "\n";

    private static bool Fires(string condition, object? input) => Check(condition, input).FiredRules.Contains("R1");

    private static Dictionary<string, object?> In(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Theory]
    [InlineData("field: amount\nop: gt\nvalue: 100", 150, true)]
    [InlineData("field: amount\nop: gt\nvalue: 100", 100, false)]
    [InlineData("field: amount\nop: gte\nvalue: 100", 100, true)]
    [InlineData("field: amount\nop: lt\nvalue: 100", 99.5, true)]
    [InlineData("field: amount\nop: lte\nvalue: 100", 100.01, false)]
    [InlineData("field: amount\nop: eq\nvalue: 100", 100, true)]
    [InlineData("field: amount\nop: ne\nvalue: 100", 7, true)]
    [InlineData("field: amount\nop: in\nvalue: [1, 2, 3]", 2, true)]
    [InlineData("field: amount\nop: not-in\nvalue: [1, 2, 3]", 4, true)]
    public void Numbers_compare_numerically(string condition, double amount, bool fires)
    {
        Assert.Equal(fires, Fires(condition, In(("amount", amount))));
    }

    [Theory]
    [InlineData("eq", "BILLING", true)]
    [InlineData("ne", "billing", false)]
    [InlineData("contains", "ILL", true)]
    [InlineData("starts-with", "bil", true)]
    [InlineData("ends-with", "ING", true)]
    [InlineData("matches", "^b.*g$", true)]
    [InlineData("matches", "^x", false)]
    [InlineData("not-contains", "zzz", true)]
    public void Texts_compare_ignoring_case(string op, string value, bool fires)
    {
        Assert.Equal(fires, Fires($"field: code\nop: {op}\nvalue: \"{value}\"", In(("code", "billing"))));
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("ne")]
    [InlineData("gt")]
    [InlineData("in")]
    [InlineData("not-in")]
    [InlineData("contains")]
    [InlineData("not-contains")]
    [InlineData("matches")]
    public void No_comparison_holds_on_a_missing_field(string op)
    {
        var value = op is "in" or "not-in" ? "[1]" : op == "matches" ? "\".*\"" : "1";
        Assert.False(Fires($"field: amount\nop: {op}\nvalue: {value}", In()));
        Assert.False(Fires($"field: amount\nop: {op}\nvalue: {value}", In(("amount", null))));
    }

    [Theory]
    [InlineData("exists", false, false, true)]
    [InlineData("missing", true, true, false)]
    [InlineData("empty", true, true, false)]
    [InlineData("not-empty", false, false, true)]
    public void Presence_operators_are_defined_for_missing_null_and_present(string op, bool missing, bool isNull, bool present)
    {
        Assert.Equal(missing, Fires($"field: note\nop: {op}", In()));
        Assert.Equal(isNull, Fires($"field: note\nop: {op}", In(("note", null))));
        Assert.Equal(present, Fires($"field: note\nop: {op}", In(("note", "x"))));
    }

    [Fact]
    public void Blank_text_is_empty_and_missing_and_an_empty_list_is_empty_but_exists()
    {
        Assert.True(Fires("field: note\nop: empty", In(("note", ""))));
        Assert.True(Fires("field: note\nop: empty", In(("note", " \t "))));
        Assert.True(Fires("field: note\nop: missing", In(("note", "   "))));
        Assert.False(Fires("field: note\nop: exists", In(("note", ""))));
        Assert.True(Fires("field: tags\nop: empty", In(("tags", Array.Empty<string>()))));
        Assert.True(Fires("field: tags\nop: exists", In(("tags", Array.Empty<string>()))));
    }

    [Fact]
    public void List_fields_contain_and_in_look_at_elements()
    {
        var input = In(("tags", new[] { "vip", "Late" }));
        Assert.True(Fires("field: tags\nop: contains\nvalue: late", input));
        Assert.False(Fires("field: tags\nop: contains\nvalue: lat", input));
        Assert.True(Fires("field: tags\nop: in\nvalue: [gold, vip]", input));
        Assert.True(Fires("field: tags\nop: not-in\nvalue: [gold]", input));
        Assert.False(Fires("field: tags\nop: not-contains\nvalue: vip", input));
    }

    [Fact]
    public void All_any_and_not_combine()
    {
        const string condition = "all:\n  - field: amount\n    op: gt\n    value: 10\n  - any:\n      - field: code\n        op: eq\n        value: a\n      - not:\n          field: flag\n          op: eq\n          value: true";
        Assert.True(Fires(condition, In(("amount", 11), ("code", "a"), ("flag", true))));
        Assert.True(Fires(condition, In(("amount", 11), ("code", "b"), ("flag", false))));
        Assert.False(Fires(condition, In(("amount", 11), ("code", "b"), ("flag", true))));
        Assert.False(Fires(condition, In(("amount", 9), ("code", "a"))));
    }

    [Fact]
    public void Dates_and_durations_compare_in_time()
    {
        Assert.True(Fires("field: at\nop: lt\nvalue: 2026-01-10T09:00:00Z", In(("at", new DateTimeOffset(2026, 1, 9, 0, 0, 0, TimeSpan.Zero)))));
        Assert.True(Fires("field: at\nop: gt\nvalue: 2026-01-10T09:00:00Z", In(("at", "2026-01-10T10:00:00+00:00"))));
        Assert.True(Fires("field: wait\nop: gt\nvalue: 4h", In(("wait", TimeSpan.FromHours(5)))));
        Assert.False(Fires("field: wait\nop: gt\nvalue: 4h", In(("wait", "3h"))));
    }

    [Fact]
    public void A_wrong_type_denies_with_bad_input_instead_of_guessing()
    {
        var decision = Check("field: amount\nop: gt\nvalue: 100", In(("amount", new[] { "x" })));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Equal("engine.bad-input", decision.Violations[0].RuleId);
        Assert.Contains("a list", decision.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yes_no_fields_accept_yes_and_true()
    {
        Assert.True(Fires("field: flag\nop: eq\nvalue: true", In(("flag", "yes"))));
        Assert.True(Fires("field: flag\nop: eq\nvalue: false", In(("flag", false))));
        Assert.Equal("engine.bad-input", Check("field: flag\nop: eq\nvalue: true", In(("flag", "perhaps"))).Violations[0].RuleId);
    }

    [Fact]
    public void A_constant_that_does_not_fit_the_field_type_does_not_compile()
    {
        // The validator refuses it too; the engine must not rely on that.
        var policy = InlinePolicy.LoadUnvalidated(Actions + "rules:\n  - id: R1\n    principle: P3\n    action: case.check\n    when:\n      field: amount\n      op: gt\n      value: lots\n");

        var error = Assert.Throws<PolicyCompilationException>(() => PolicyEngine.Create(policy));
        Assert.Contains(error.Errors, e => e.Code == "invalid-value" && e.Location.Line > 0);
    }

    [Fact]
    public void A_catastrophic_regex_runs_in_linear_time_and_decides()
    {
        var options = new PolicyEngineOptions { RegexTimeout = TimeSpan.FromSeconds(30) };
        var yaml = Actions + "rules:\n  - id: R1\n    principle: P3\n    action: case.check\n    effect: warn\n    when:\n      field: note\n      op: matches\n      value: \"^(a+)+$\"\n";
        // The validator refuses this pattern as unsafe; the engine matches without backtracking, so
        // even unvalidated it decides on a text that would take a backtracking matcher forever.
        var engine = PolicyEngine.Create(InlinePolicy.LoadUnvalidated(yaml), options);

        var almost = engine.Evaluate("case.check", In(("note", new string('a', 100_000) + "!")));
        var matching = engine.Evaluate("case.check", In(("note", new string('a', 100_000))));

        Assert.Equal(DecisionEffect.Allow, almost.Effect);
        Assert.Equal(new[] { "R1" }, matching.FiredRules);
    }

    [Fact]
    public void A_rule_without_condition_fires_every_time_and_disabled_rules_never()
    {
        var yaml = Actions + "rules:\n  - id: always\n    principle: P10\n    action: case.check\n    effect: obligation\n    obligation: audit\n  - id: off\n    principle: P10\n    action: case.check\n    enabled: false\n";
        var decision = InlinePolicy.Engine(yaml).Evaluate("case.check", In());

        Assert.Equal(DecisionEffect.AllowWithObligations, decision.Effect);
        Assert.Equal(new[] { "always" }, decision.FiredRules);
        Assert.Equal("audit", decision.Obligations[0].Name);
    }

    [Fact]
    public void Messages_render_the_actual_values()
    {
        var decision = Check("field: amount\nop: gt\nvalue: 1", In(("amount", 5), ("note", "late again")));

        Assert.Equal("fired with late again", decision.Violations[0].Message);
    }

    [Fact]
    public void Double_braces_in_messages_are_literal_braces()
    {
        var yaml = Actions + "rules:\n  - id: R1\n    principle: P3\n    action: case.check\n    message: \"{{note}} is {note}\"\n";
        var decision = InlinePolicy.Engine(yaml).Evaluate("case.check", In(("note", "x")));

        Assert.Equal("{note} is x", decision.Violations[0].Message);
    }
}
