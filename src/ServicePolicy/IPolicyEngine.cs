namespace ServicePolicy;

/// <summary>
/// Decides actions against a policy. Implemented by <see cref="PolicyEngine"/> (one compiled policy)
/// and by the hosted engine that always delegates to the policy currently in force. The typed helpers
/// (<c>ShareData</c>, <c>RouteTicket</c>, <c>CheckMessage</c>...) are extension methods on this interface.
/// </summary>
public interface IPolicyEngine
{
    /// <summary>
    /// Decides <paramref name="action"/> for <paramref name="input"/>: a plain object, a dictionary,
    /// a <see cref="System.Text.Json.JsonElement"/> or <see cref="System.Text.Json.JsonDocument"/>, or null.
    /// Never throws because of the input: a bad input gives a denying decision that says what was wrong.
    /// </summary>
    Decision Evaluate(string action, object? input, EvaluationContext? context = null);

    /// <summary>The name of the policy in force.</summary>
    string PolicyName { get; }

    /// <summary>The version of the policy in force.</summary>
    string PolicyVersion { get; }
}
