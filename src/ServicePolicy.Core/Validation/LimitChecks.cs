namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;

/// <summary>Checks the input limits: each at least one (a limit of zero would refuse every input).</summary>
public static class LimitChecks
{
    public static void Check(ValidationContext context)
    {
        var limits = context.Policy.Limits;
        if (limits.MaxTextLength < 1)
        {
            context.Error(PolicyErrorCodes.InvalidValue, $"`limits.maxTextLength` is {limits.MaxTextLength}; the longest text an input field may hold must be at least 1 character.", limits.LocationOf("maxTextLength"), "Remove the key to use the default (1,000,000 characters).");
        }

        if (limits.MaxListItems < 1)
        {
            context.Error(PolicyErrorCodes.InvalidValue, $"`limits.maxListItems` is {limits.MaxListItems}; the most elements an input list may hold must be at least 1.", limits.LocationOf("maxListItems"), "Remove the key to use the default (10,000 elements).");
        }
    }
}
