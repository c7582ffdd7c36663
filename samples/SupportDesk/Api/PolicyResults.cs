namespace SupportDesk.Api;

using ServicePolicy;

/// <summary>
/// HTTP answers for policy decisions. A refusal is an RFC 9457 problem document whose
/// <c>decision</c> member carries the violations, their remedies and the explanation, so the agent's
/// screen can say exactly why and what to do.
/// </summary>
public static class PolicyResults
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>The problem type of every refusal by the policy (plain problems use about:blank).</summary>
    public const string RefusalType = "urn:servicepolicy:policy-refusal";

    /// <summary>The request was refused by the policy: <paramref name="status"/> with the decision's explanation.</summary>
    public static IResult Refused(Decision decision, int status, string title)
    {
        var detail = decision.Violations.Count > 0
            ? string.Join(" ", decision.Violations.Select(v => v.Message))
            : "The policy refused the request.";
        return Results.Json(new RefusalBody(RefusalType, title, status, detail, DecisionView.From(decision)), statusCode: status, contentType: ProblemJson);
    }

    /// <summary>A request the desk cannot process for a reason of its own (unknown id, bad input), not a policy decision.</summary>
    public static IResult Problem(int status, string title, string detail) =>
        Results.Json(new ProblemBody("about:blank", title, status, detail), statusCode: status, contentType: ProblemJson);

    public static IResult NotFound(string what, string id) => Problem(StatusCodes.Status404NotFound, $"No such {what}", $"There is no {what} with id '{id}'.");
}

public sealed record RefusalBody(string Type, string Title, int Status, string Detail, DecisionView Decision);

public sealed record ProblemBody(string Type, string Title, int Status, string Detail);
