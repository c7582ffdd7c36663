namespace ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// A body cost more than <see cref="FlowContext.MaxWork"/>: its analysis stops, and the rules report SP9004
/// for it instead of findings. Caught by <see cref="MethodFlowAnalyzer"/>; never leaves the flow engine.
/// </summary>
internal sealed class FlowBudgetExceededException : Exception
{
    public FlowBudgetExceededException()
        : base($"the flow analysis needed more than {FlowContext.MaxWork:N0} steps")
    {
    }
}
