namespace ServicePolicy.Core.Tests.Hostile;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>Ids and names hold no control or invisible formatting characters: a right-to-left override would make a rule id read as something else.</summary>
public class IdentifierTests
{
    [Theory]
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u2066")] // left-to-right isolate
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u0007")] // bell
    public void A_rule_id_with_a_hidden_character_is_a_located_error(string hidden)
    {
        var id = "P1-allow" + hidden + "-share";
        var yaml = Policies.With($"rules:\n  - id: \"{id}\"\n    principle: P1\n    action: data.share\n");
        var result = LoadGuard.Run(() => PolicyAssert.Load(yaml));
        Assert.False(result.Succeeded);
        var error = PolicyAssert.Single(result, PolicyErrorCodes.InvalidValue, yaml, "\"P1-allow", "invisible character U+");
        Assert.Contains("rules[1].id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_characters_in_other_ids_and_name_lists_are_refused_too()
    {
        var yaml = Policies.With("tests:\n  - name: \"t\u202Ex\"\n    action: data.share\n    input: {}\n    expect: {effect: allow}\ndisable: [\"a\u200Db\"]\n");
        var errors = PolicyAssert.Load(yaml).Errors.Where(e => e.Code == PolicyErrorCodes.InvalidValue).ToList();
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Free_text_may_hold_a_zero_width_joiner()
    {
        var yaml = Policies.With("text:\n  claims:\n    fa: [\"می\u200Cخواهم\"]\n");
        PolicyAssert.Clean(yaml);
    }
}
