namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks the classification: each proxy stands for a declared protected attribute.</summary>
public static class ClassificationChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var proxy in context.Policy.Classification.Proxies)
        {
            if (proxy.StandsFor.Length > 0 && !context.ProtectedAttributeIds.Contains(proxy.StandsFor))
            {
                context.Error(
                    PolicyErrorCodes.UnknownProtectedAttribute,
                    $"The proxy `{proxy.Id}` stands for `{proxy.StandsFor}`, which is not a declared protected attribute.",
                    proxy.LocationOf("standsFor"),
                    NameSuggester.Hint(proxy.StandsFor, context.ProtectedAttributeIds) ?? DeclaredList("Protected attributes", context.ProtectedAttributeIds));
            }
        }
    }

    internal static string DeclaredList(string what, IEnumerable<string> ids)
    {
        var list = ids.OrderBy(i => i, StringComparer.Ordinal).ToList();
        return list.Count == 0 ? $"{what}: none are declared yet." : $"{what} declared: {string.Join(", ", list)}.";
    }
}
