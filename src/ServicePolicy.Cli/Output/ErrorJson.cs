namespace ServicePolicy.Cli.Output;

using System.Text.Json.Nodes;
using ServicePolicy.Cli.Infrastructure;
using ServicePolicy.Core.Loading;

/// <summary>The JSON form of a policy error, the same in every verb.</summary>
public static class ErrorJson
{
    public static JsonObject ToJson(PolicyError error) => new()
    {
        ["file"] = Paths.Display(error.Location.File),
        ["line"] = error.Location.Line,
        ["column"] = error.Location.Column,
        ["endLine"] = error.Location.EndLine,
        ["endColumn"] = error.Location.EndColumn,
        ["severity"] = error.IsError ? "error" : "warning",
        ["code"] = error.Code,
        ["message"] = error.Message,
        ["hint"] = error.Hint,
    };
}
