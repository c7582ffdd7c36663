namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Checks the recipients register and every place that names a recipient: register entries name
/// declared purposes and (outside the company) an agreement; consent requirements, third-party
/// sinks and rule conditions name registered recipients, declared purposes and known kinds.
/// </summary>
public static class RecipientChecks
{
    private static readonly string[] Kinds = { "internal", "processor", "third-party" };

    public static void Check(ValidationContext context)
    {
        var policy = context.Policy;
        foreach (var recipient in policy.Recipients)
        {
            CheckEntry(context, recipient);
        }

        foreach (var requirement in policy.Consent.Requirements)
        {
            for (var i = 0; i < requirement.Recipients.Count; i++)
            {
                var name = requirement.Recipients[i];
                if (name != "*")
                {
                    CheckRecipient(context, name, "A consent requirement names", ValidationContext.ItemLocation(requirement, "recipients", i));
                }
            }
        }

        foreach (var sink in policy.Analyzers.ThirdPartySinks)
        {
            if (sink.Recipient.Length > 0 && sink.Recipient != "*")
            {
                CheckRecipient(context, sink.Recipient, $"The third-party sink `{sink.Method}` names", sink.LocationOf("recipient"));
            }
        }

        foreach (var rule in policy.Rules)
        {
            if (rule.When != null && rule.Action.Contains(Actions.ActionCatalog.Names.DataShare))
            {
                CheckConstants(context, rule.When, rule.Id);
            }
        }
    }

    private static void CheckEntry(ValidationContext context, Recipient recipient)
    {
        for (var i = 0; i < recipient.Purposes.Count; i++)
        {
            var purpose = recipient.Purposes[i];
            if (!context.PurposeIds.Contains(purpose))
            {
                context.Error(
                    PolicyErrorCodes.UnknownPurpose,
                    $"The recipient `{recipient.Id}` is registered for the purpose `{purpose}`, which is not declared under `consent.purposes`.",
                    ValidationContext.ItemLocation(recipient, "purposes", i),
                    NameSuggester.Hint(purpose, context.PurposeIds) ?? ClassificationChecks.DeclaredList("Purposes", context.PurposeIds));
            }
        }

        if (recipient.Purposes.Count == 0)
        {
            context.Warning(
                PolicyErrorCodes.IncompleteRecipient,
                $"The recipient `{recipient.Id}` is registered for no purpose, so every share with it is refused.",
                recipient.LocationOf("id"),
                "List the purposes it receives data for under `purposes`, or remove the entry.");
        }

        if (recipient.IsOutsideTheCompany && recipient.Agreement.Trim().Length == 0)
        {
            context.Warning(
                PolicyErrorCodes.IncompleteRecipient,
                $"The recipient `{recipient.Id}` is outside the company but names no agreement covering the data it receives.",
                recipient.LocationOf("id"),
                "Add `agreement:` with the contract or data-processing agreement, so that an audit can find it.");
        }
    }

    private static void CheckRecipient(ValidationContext context, string name, string subject, SourceLocation location)
    {
        if (context.Policy.FindRecipient(name) == null)
        {
            var ids = context.Policy.Recipients.Select(r => r.Id).ToList();
            context.Error(
                PolicyErrorCodes.UnknownRecipient,
                $"{subject} the recipient `{name}`, which is not in the `recipients` register.",
                location,
                NameSuggester.Hint(name, ids) ?? ClassificationChecks.DeclaredList("Recipients", ids));
        }
    }

    // `recipient`, `purpose` and `recipient.kind` compared with constants: each constant must be declared.
    private static void CheckConstants(ValidationContext context, Condition condition, string ruleId)
    {
        foreach (var child in (condition.All ?? Enumerable.Empty<Condition>()).Concat(condition.Any ?? Enumerable.Empty<Condition>()))
        {
            CheckConstants(context, child, ruleId);
        }

        if (condition.Not != null)
        {
            CheckConstants(context, condition.Not, ruleId);
        }

        if (condition.Field == null || condition.Value == null)
        {
            return;
        }

        foreach (var (constant, at) in TextsOf(condition.Value))
        {
            var location = at.IsKnown ? at : condition.LocationOf("value");
            switch (condition.Field)
            {
                case "recipient":
                    CheckRecipient(context, constant, $"Rule `{ruleId}` compares with", location);
                    break;
                case "purpose" when !context.PurposeIds.Contains(constant):
                    context.Error(
                        PolicyErrorCodes.UnknownPurpose,
                        $"Rule `{ruleId}` compares with the purpose `{constant}`, which is not declared under `consent.purposes`.",
                        location,
                        NameSuggester.Hint(constant, context.PurposeIds) ?? ClassificationChecks.DeclaredList("Purposes", context.PurposeIds));
                    break;
                case "recipient.kind" when !Kinds.Contains(constant):
                    context.Error(
                        PolicyErrorCodes.InvalidValue,
                        $"Rule `{ruleId}` compares `recipient.kind` with `{constant}`, which is not a kind of recipient.",
                        location,
                        NameSuggester.Hint(constant, Kinds) ?? "Kinds: internal, processor, third-party.");
                    break;
            }
        }
    }

    private static IEnumerable<(string Text, SourceLocation Location)> TextsOf(PolicyValue value)
    {
        if (value.Kind == PolicyValueKind.Scalar)
        {
            yield return (value.Scalar!, value.Location);
        }
        else if (value.Kind == PolicyValueKind.List)
        {
            foreach (var item in value.Items)
            {
                if (item.Kind == PolicyValueKind.Scalar)
                {
                    yield return (item.Scalar!, item.Location);
                }
            }
        }
    }
}
