namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks consent: purposes need declared categories; requirements name declared categories and purposes.</summary>
public static class ConsentChecks
{
    public static void Check(ValidationContext context)
    {
        var consent = context.Policy.Consent;
        foreach (var purpose in consent.Purposes)
        {
            for (var i = 0; i < purpose.Needs.Count; i++)
            {
                CheckCategory(context, purpose.Needs[i], $"The consent purpose `{purpose.Id}` needs", ValidationContext.ItemLocation(purpose, "needs", i));
            }
        }

        foreach (var requirement in consent.Requirements)
        {
            for (var i = 0; i < requirement.Categories.Count; i++)
            {
                CheckCategory(context, requirement.Categories[i], "A consent requirement covers", ValidationContext.ItemLocation(requirement, "categories", i));
            }

            if (requirement.Purpose.Length > 0 && !context.PurposeIds.Contains(requirement.Purpose))
            {
                context.Error(
                    PolicyErrorCodes.UnknownPurpose,
                    $"A consent requirement asks for the purpose `{requirement.Purpose}`, which is not declared under `consent.purposes`.",
                    requirement.LocationOf("purpose"),
                    NameSuggester.Hint(requirement.Purpose, context.PurposeIds) ?? ClassificationChecks.DeclaredList("Purposes", context.PurposeIds));
            }
        }
    }

    private static void CheckCategory(ValidationContext context, string category, string subject, SourceLocation location)
    {
        if (!context.CategoryIds.Contains(category))
        {
            context.Error(
                PolicyErrorCodes.UnknownCategory,
                $"{subject} the data category `{category}`, which is not declared under `classification.categories`.",
                location,
                NameSuggester.Hint(category, context.CategoryIds) ?? ClassificationChecks.DeclaredList("Categories", context.CategoryIds));
        }
    }
}
