namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>Errors found while reading the file's structure: keys, types, required keys, versions, principles.</summary>
public class StructureErrorTests
{
    [Fact]
    public void Unknown_key_suggests_the_closest_key()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P1
                action: data.share
                sevrity: error
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownKey, yaml, "sevrity", "`sevrity` is not a key of `rules[1]`");
        Assert.Equal("Did you mean `severity`?", error.Hint);
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_allowed_keys()
    {
        var yaml = Policies.With("""
            metadata2:
              name: x
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownKey, yaml, "metadata2", "`metadata2` is not a key of a policy");
        Assert.Equal("Did you mean `metadata`?", error.Hint);

        var other = Policies.With("zzzzzzzzzz: 1");
        var unknown = PolicyAssert.Single(PolicyAssert.Load(other), PolicyErrorCodes.UnknownKey, other, "zzzzzzzzzz", "is not a key");
        Assert.StartsWith("Allowed here: apiVersion, metadata", unknown.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_where_a_map_is_expected_is_a_wrong_type_at_the_value()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P1
                action: data.share
                when: [a, b]
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "[a, b]", "`rules[1].when` must be a map of keys, but it holds a list");
    }

    [Fact]
    public void Text_where_a_number_is_expected_is_a_wrong_type()
    {
        var yaml = Policies.With("""
            authority:
              - role: agent
                action: refund.issue
                max: lots
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "lots", "`authority[1].max` must be a number such as 100 or 49.90, but it holds the value `lots`");
    }

    [Fact]
    public void A_bare_number_is_not_a_duration()
    {
        var yaml = Policies.With("""
            slas:
              - id: s1
                kind: first-response
                within: 30
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "30", "a duration such as 30m, 4h, 2d or 1d12h", occurrence: 1);
    }

    [Fact]
    public void A_scalar_where_a_list_of_maps_is_expected_is_a_wrong_type()
    {
        var yaml = Policies.With("rules: everything");
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.WrongType, yaml, "everything", "`rules` must be a list");
    }

    [Fact]
    public void A_missing_required_key_is_reported_at_the_element_with_an_example()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                action: data.share
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.MissingKey, yaml, "id: r1", "`rules[1]` has no `principle`");
        Assert.Equal("For example: principle: P1", error.Hint);
    }

    [Fact]
    public void An_unknown_enum_value_is_invalid_with_a_suggestion()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P1
                action: data.share
                effect: denny
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.InvalidValue, yaml, "denny", "`rules[1].effect` must be one of: deny, warn, require-approval, obligation (found `denny`)");
        Assert.Equal("Did you mean `deny`?", error.Hint);
    }

    [Fact]
    public void An_unknown_principle_is_reported_with_its_own_code()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P11
                action: data.share
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnknownPrinciple, yaml, "P11", "`P11` is not one of the principles P1 to P10");
    }

    [Fact]
    public void A_missing_api_version_is_reported()
    {
        var yaml = "metadata:\n  name: x\n";
        var result = PolicyAssert.Load(yaml);
        var error = PolicyAssert.Single(result, PolicyErrorCodes.UnsupportedVersion, yaml, "metadata", "does not say which format");
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void An_unsupported_api_version_is_reported_at_its_value()
    {
        var yaml = "apiVersion: servicepolicy/v2\n";
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.UnsupportedVersion, yaml, "servicepolicy/v2", "written for the format `servicepolicy/v2`, but this version of ServicePolicy reads `servicepolicy/v1`");
        Assert.Equal(1, error.Location.Line);
        Assert.Equal(13, error.Location.Column);
    }

    [Fact]
    public void A_decision_context_binding_with_an_unknown_context_is_invalid()
    {
        var yaml = Policies.With("""
            analyzers:
              decisionContexts:
                - context: routeing
                  types: ["*Router"]
            """);
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.InvalidValue, yaml, "routeing", "must be one of: routing, prioritisation, pricing, eligibility");
        Assert.Equal("Did you mean `routing`?", error.Hint);
    }

    [Fact]
    public void A_key_written_twice_in_one_map_is_a_duplicate_key_at_the_second()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P1
                principle: P2
                action: data.share
            """);
        PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.DuplicateKey, yaml, "principle", "The key `principle` appears twice", occurrence: 2);
    }

    [Theory]
    [InlineData("rules", "rules", "id: r1", "id: r1")]
    [InlineData("slas", "SLAs", "id: s1\n    kind: follow-up\n    within: 1d", "id: s1")]
    public void Two_items_with_the_same_id_in_one_file_are_duplicates(string section, string what, string body, string idText)
    {
        var extra = section == "rules" ? "\n    principle: P1\n    action: data.share" : "";
        var yaml = Policies.With($"{section}:\n  - {body}{extra}\n  - {body}{extra}");
        var error = PolicyAssert.Single(PolicyAssert.Load(yaml), PolicyErrorCodes.DuplicateId, yaml, idText.Replace("id: ", ""), $"Two {what} have the id", occurrence: 2);
        var first = PolicyAssert.Position(yaml, idText, 1);
        Assert.Contains($"the first is at line {first.Line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_category_purpose_and_protected_attribute_ids_are_reported()
    {
        var yaml = """
            apiVersion: servicepolicy/v1
            classification:
              categories:
                - id: contact
                - id: contact
              protectedAttributes:
                - id: gender
                - id: gender
            consent:
              purposes:
                - id: crm
                - id: crm
            """;
        var errors = PolicyAssert.Load(yaml).Errors.Where(e => e.Code == PolicyErrorCodes.DuplicateId).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("Two data categories have the id `contact`", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((5, 11), (errors[0].Location.Line, errors[0].Location.Column));
        Assert.Contains("protected attribute", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal((8, 11), (errors[1].Location.Line, errors[1].Location.Column));
        Assert.Contains("consent purpose", errors[2].Message, StringComparison.Ordinal);
        Assert.Equal((12, 11), (errors[2].Location.Line, errors[2].Location.Column));
    }
}
