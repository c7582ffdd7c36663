namespace ServicePolicy.Core.Tests.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>YAML syntax errors are explained in plain words at the parser's exact position.</summary>
public class YamlSyntaxTests
{
    private static PolicyError SyntaxError(string yaml, int line, int column)
    {
        var result = PolicyAssert.Load(yaml);
        Assert.Null(result.Policy);
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.YamlSyntax, error.Code);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Equal(PolicyAssert.FileName, error.Location.File);
        Assert.NotNull(error.Hint);
        return error;
    }

    [Fact]
    public void A_tab_used_for_indentation_is_named()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\nmetadata:\n\tname: x\n", 3, 1);
        Assert.Equal("A tab is used for indentation here; YAML allows only spaces.", error.Message);
        var later = SyntaxError("apiVersion: servicepolicy/v1\nmetadata:\n  name: x\n \tversion: 1\n", 4, 2);
        Assert.Equal("A tab is used for indentation here; YAML allows only spaces.", later.Message);
    }

    [Fact]
    public void A_colon_inside_a_value_asks_for_quotes()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\nmetadata:\n  description: Note: this is it\n", 3, 20);
        Assert.Equal("A `: ` appears inside a value, where YAML reads it as the start of a new key.", error.Message);
        Assert.Contains("quotes", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_named()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\nmetadata:\n  name: \"abc\n", 3, 9);
        Assert.Equal("A quoted value is never closed: its closing quote is missing.", error.Message);
    }

    [Fact]
    public void A_misaligned_key_is_explained_as_indentation()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\nmetadata:\n  name: a\n version: b\n", 4, 2);
        Assert.Equal("This line is not indented like the lines around it, or a value above it is not closed.", error.Message);
    }

    [Fact]
    public void A_regex_escape_in_double_quotes_gets_a_hint()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\ntext:\n  patterns:\n    - id: p\n      regex: \"only \\d+ left\"\n", 5, 20);
        Assert.StartsWith("A value in double quotes contains a backslash", error.Message, StringComparison.Ordinal);
        Assert.Contains("single quotes", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_list_is_named()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\ninclude: [a.yaml, b.yaml\n", 3, 1);
        Assert.StartsWith("A list written in brackets `[ ]` is not closed", error.Message, StringComparison.Ordinal);

        // The parser gives up on this one with an internal error rather than a syntax error;
        // the author still gets a located, readable message.
        var other = SyntaxError("apiVersion: servicepolicy/v1\ninclude: [a.yaml, b.yaml\ndisable: []\n", 2, 17);
        Assert.Equal("The YAML could not be read past this point.", other.Message);
    }

    [Fact]
    public void A_second_document_is_refused_at_its_start()
    {
        var result = PolicyAssert.Load("apiVersion: servicepolicy/v1\n---\napiVersion: servicepolicy/v1\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.YamlSyntax, error.Code);
        Assert.Equal((2, 1), (error.Location.Line, error.Location.Column));
        Assert.Contains("this file has a second one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_named()
    {
        var error = SyntaxError("apiVersion: servicepolicy/v1\nmetadata: *nowhere\n", 2, 11);
        Assert.Contains("`*nowhere` refers to an anchor `&nowhere` that is not defined before it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_tag_is_a_syntax_error_not_a_crash()
    {
        var result = PolicyAssert.Load("apiVersion: servicepolicy/v1\nmetadata: !<> x\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.YamlSyntax, error.Code);
        Assert.True(error.Location.Line > 0);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_pass_in_file_order()
    {
        var yaml = Policies.With("""
            rules:
              - id: r1
                principle: P12
                action: data.shar
                efect: deny
                when:
                  field: consent.granted
                  op: equals
                  value: false
              - id: r1
                principle: P1
                action: data.share
            tests:
              - name: t
                action: data.share
                expect:
                  violations: [r7]
            """);
        var result = PolicyAssert.Load(yaml);
        // (The rules no test exercises are warned about too; this test is about the errors.)
        var codes = result.Errors.Where(e => e.Code != PolicyErrorCodes.UntestedRule).Select(e => e.Code).ToList();
        Assert.Equal(new[]
        {
            PolicyErrorCodes.UnknownPrinciple,
            PolicyErrorCodes.UnknownAction,
            PolicyErrorCodes.UnknownKey,
            PolicyErrorCodes.UnknownOperator,
            PolicyErrorCodes.DuplicateId,
            PolicyErrorCodes.UnknownRule,
        }, codes);
        Assert.True(result.Errors.Zip(result.Errors.Skip(1), (a, b) => a.Location.Line <= b.Location.Line).All(x => x));
    }
}
