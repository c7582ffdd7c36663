namespace ServicePolicy.Core.Model;

/// <summary>
/// How large the input of a decision may be. The engine refuses (denies, naming the field and the
/// limit) an input that exceeds them before any rule reads it, so a huge message or an endless list
/// costs a bounded amount of time and memory.
/// </summary>
public sealed class PolicyLimits : PolicyElement
{
    /// <summary>The longest text a field holds when the policy does not say.</summary>
    public const int DefaultMaxTextLength = 1_000_000;

    /// <summary>The most elements a list holds when the policy does not say.</summary>
    public const int DefaultMaxListItems = 10_000;

    [Help("The longest text, in characters, that one input field (or one element of a list) may hold. A longer one denies the decision with `engine.input-too-large`.", Example = "maxTextLength: 100000")]
    public int MaxTextLength { get; set; } = DefaultMaxTextLength;

    [Help("The most elements one input list may hold. A longer list (or one that never ends) denies the decision with `engine.input-too-large`.", Example = "maxListItems: 1000")]
    public int MaxListItems { get; set; } = DefaultMaxListItems;
}
