namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Actions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Checks the policy's own actions: field types are ones the engine knows.</summary>
public static class ActionChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var definition in context.Policy.Actions)
        {
            foreach (var field in definition.Fields)
            {
                if (ActionCatalog.ParseFieldType(field.Value) == null)
                {
                    context.Error(
                        PolicyErrorCodes.InvalidValue,
                        $"The field `{field.Key}` of the action `{definition.Name}` has the type `{field.Value}`, which is not a field type.",
                        ValidationContext.EntryLocation(definition, "fields", field.Key),
                        NameSuggester.Hint(field.Value, ActionCatalog.FieldTypeNames) ?? "Types: " + string.Join(", ", ActionCatalog.FieldTypeNames) + ".");
                }
            }
        }
    }
}
