namespace ServicePolicy.Input;

using ServicePolicy.Core.Model;

/// <summary>The size limits of a decision's input, read once from the policy's <c>limits</c>.</summary>
internal sealed class InputLimits
{
    public static readonly InputLimits Default = new(PolicyLimits.DefaultMaxTextLength, PolicyLimits.DefaultMaxListItems);

    public InputLimits(int maxTextLength, int maxListItems)
    {
        // A limit below one would refuse every input; the validator reports it, and the engine
        // falls back to the default rather than to no limit at all.
        MaxTextLength = maxTextLength > 0 ? maxTextLength : PolicyLimits.DefaultMaxTextLength;
        MaxListItems = maxListItems > 0 ? maxListItems : PolicyLimits.DefaultMaxListItems;
    }

    public int MaxTextLength { get; }

    public int MaxListItems { get; }

    public static InputLimits From(PolicyLimits? limits) =>
        limits == null ? Default : new InputLimits(limits.MaxTextLength, limits.MaxListItems);
}
