namespace ServicePolicy;

/// <summary>Per-request overrides: the time of the decision, the consent store, a correlation id for logs.</summary>
public sealed class EvaluationContext
{
    /// <summary>The time the decision is taken (deadline checks); the engine's clock when null.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The consent store for this decision; the engine's when null.</summary>
    public IConsentStore? ConsentStore { get; init; }

    /// <summary>A caller's id for the request, written to the decision log and trace.</summary>
    public string? CorrelationId { get; init; }
}
