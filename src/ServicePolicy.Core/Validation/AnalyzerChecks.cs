namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;

/// <summary>Checks the analyzer settings: a decision context must bind some code, or it protects nothing.</summary>
public static class AnalyzerChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var binding in context.Policy.Analyzers.DecisionContexts)
        {
            if (binding.Types.Count + binding.Methods.Count + binding.Interfaces.Count + binding.Namespaces.Count == 0)
            {
                context.Warning(
                    PolicyErrorCodes.MissingKey,
                    $"This {binding.Context} decision context names no types, methods, interfaces or namespaces, so the analyzers cannot find its code.",
                    binding.Location,
                    "Add `types`, `methods`, `interfaces` or `namespaces`, for example `types: [\"*Router\"]`.");
            }
        }
    }
}
