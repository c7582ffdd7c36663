namespace ServicePolicy.Core.Tests.Support;

using ServicePolicy.Core.Loading;

/// <summary>Loads policy text and asserts on the errors: code, message and exact place.</summary>
internal static class PolicyAssert
{
    public const string FileName = "test.yaml";

    public static PolicyLoadResult Load(string yaml, PolicyLoadOptions? options = null) =>
        PolicyLoader.LoadText(yaml, FileName, options);

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th appearance of <paramref name="token"/> in the text.</summary>
    public static (int Line, int Column) Position(string yaml, string token, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = yaml.IndexOf(token, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"The test text has no occurrence {occurrence} of `{token}`.");
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (yaml[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>Asserts that exactly one error has the code, and that it sits at the token and says the expected words.</summary>
    public static PolicyError Single(PolicyLoadResult result, string code, string yaml, string token, string messagePart, int occurrence = 1)
    {
        var matching = result.Errors.Where(e => e.Code == code).ToList();
        Assert.True(matching.Count == 1, $"Expected one `{code}` error, found {matching.Count}:\n{Describe(result)}");
        var error = matching[0];
        var (line, column) = Position(yaml, token, occurrence);
        Assert.True(line == error.Location.Line && column == error.Location.Column, $"Expected `{code}` at {line}:{column} (`{token}`), found {error.Location}:\n{Describe(result)}");
        Assert.Equal(FileName, error.Location.File);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>Asserts that the policy loads without errors (warnings allowed) and returns it.</summary>
    public static Model.Policy Clean(string yaml, PolicyLoadOptions? options = null)
    {
        var result = Load(yaml, options);
        Assert.True(result.Succeeded, "Expected no errors:\n" + Describe(result));
        return result.Policy!;
    }

    public static void NoErrorWithCode(PolicyLoadResult result, string code) =>
        Assert.True(result.Errors.All(e => e.Code != code), $"Expected no `{code}` error:\n{Describe(result)}");

    public static string Describe(PolicyLoadResult result) =>
        result.Errors.Count == 0 ? "(no errors)" : string.Join("\n", result.Errors.Select(e => e.ToString()));
}
