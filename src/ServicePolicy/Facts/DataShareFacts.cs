namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// data.share: which shared fields are personal, sensitive, unneeded for the purpose or to be
/// redacted, and which consents the share needs that the customer has not granted or has withdrawn.
/// </summary>
internal sealed class DataShareFacts : FactProvider
{
    private readonly PolicyContext _context;
    private readonly FieldSlot _subject;
    private readonly FieldSlot _recipient;
    private readonly FieldSlot _purpose;
    private readonly FieldSlot _fields;
    private readonly FieldSlot _granted;
    private readonly FieldSlot _missing;
    private readonly FieldSlot _withdrawn;
    private readonly FieldSlot _personal;
    private readonly FieldSlot _sensitive;
    private readonly FieldSlot _unneeded;
    private readonly FieldSlot _redact;
    private readonly FieldSlot _checked;

    public DataShareFacts(FieldTable fields, PolicyContext context)
    {
        _context = context;
        _subject = fields.Slot("subject");
        _recipient = fields.Slot("recipient");
        _purpose = fields.Slot("purpose");
        _fields = fields.Slot("fields");
        _granted = fields.Slot("consent.granted");
        _missing = fields.Slot("consent.missing");
        _withdrawn = fields.Slot("consent.withdrawn");
        _personal = fields.Slot("fields.personal");
        _sensitive = fields.Slot("fields.sensitive");
        _unneeded = fields.Slot("fields.unneeded");
        _redact = fields.Slot("fields.redact");

        // consent.granted holds a yes/no; its slot's list buffer is free, and serves as the
        // scratch list of purposes already found granted (so each purpose is looked up once).
        _checked = _granted;
    }

    public override IEnumerable<FieldSlot> Required => new[] { _subject, _recipient, _purpose };

    public override void Compute(EvaluationScope scope)
    {
        var subject = ReadText(scope, _subject);
        var recipient = ReadText(scope, _recipient);
        var purpose = ReadText(scope, _purpose);

        // The list facts take the scope's buffers only when something goes into them: a share of
        // fields that are not personal data (the common case) fills none of them.
        List<string>? personal = null, sensitive = null, unneeded = null, redact = null, missing = null, withdrawn = null;
        var categories = scope.Categories;
        categories.Clear();

        ref readonly var shared = ref scope.Get(_fields.Index);
        if (shared.Kind == ValueKind.List)
        {
            HashSet<string>? needs = null;
            var needsLooked = false;
            foreach (var item in ListElements.Of(shared))
            {
                if (item.Kind != ValueKind.Text)
                {
                    continue;
                }

                var name = (string)item.Reference!;
                var fieldCategories = _context.CategoriesOf(name);
                if (fieldCategories.Length == 0)
                {
                    continue;
                }

                if (!needsLooked)
                {
                    needs = purpose == null ? null : _context.NeedsOf(purpose);
                    needsLooked = true;
                }

                (personal ??= scope.Buffer(_personal.Index)).Add(name);
                bool isSensitive = false, isUnneeded = false, mustRedact = false;
                foreach (var category in fieldCategories)
                {
                    isSensitive |= category.Level != DataLevel.Personal;
                    isUnneeded |= needs == null || !needs.Contains(category.Id);
                    mustRedact |= category.RedactInLogs;
                    if (!categories.Contains(category))
                    {
                        categories.Add(category);
                    }
                }

                if (isSensitive)
                {
                    (sensitive ??= scope.Buffer(_sensitive.Index)).Add(name);
                }

                if (isUnneeded)
                {
                    (unneeded ??= scope.Buffer(_unneeded.Index)).Add(name);
                }

                if (mustRedact)
                {
                    (redact ??= scope.Buffer(_redact.Index)).Add(name);
                }
            }
        }
        else if (!shared.IsMissingOrNull)
        {
            scope.ReportWrongType(_fields, "a list of field names");
        }

        if (subject != null && recipient != null && categories.Count > 0)
        {
            var granted = scope.Buffer(_checked.Index);
            foreach (var requirement in _context.Requirements)
            {
                if (!Applies(requirement, recipient, categories))
                {
                    continue;
                }

                var needed = requirement.Purpose;
                if (granted.Contains(needed) || (missing?.Contains(needed) ?? false) || (withdrawn?.Contains(needed) ?? false))
                {
                    continue;
                }

                switch (scope.Consents.GetConsent(subject, needed, recipient))
                {
                    case ConsentState.Granted:
                        granted.Add(needed);
                        break;
                    case ConsentState.Withdrawn:
                        (withdrawn ??= scope.Buffer(_withdrawn.Index)).Add(needed);
                        break;
                    default:
                        (missing ??= scope.Buffer(_missing.Index)).Add(needed);
                        break;
                }
            }
        }

        scope.Set(_personal.Index, ListOrEmpty(personal));
        scope.Set(_sensitive.Index, ListOrEmpty(sensitive));
        scope.Set(_unneeded.Index, ListOrEmpty(unneeded));
        scope.Set(_redact.Index, ListOrEmpty(redact));
        scope.Set(_missing.Index, ListOrEmpty(missing));
        scope.Set(_withdrawn.Index, ListOrEmpty(withdrawn));
        scope.Set(_granted.Index, FieldValue.FromBool(missing == null && withdrawn == null));
    }

    private static FieldValue ListOrEmpty(List<string>? list) => list == null ? FieldValue.EmptyList : FieldValue.FromList(list);

    private static bool Applies(ConsentRequirement requirement, string recipient, List<DataCategory> shared)
    {
        // No recipients listed means every recipient, like "*".
        var recipientMatches = requirement.Recipients.Count == 0;
        foreach (var candidate in requirement.Recipients)
        {
            if (candidate == "*" || string.Equals(candidate, recipient, StringComparison.OrdinalIgnoreCase))
            {
                recipientMatches = true;
                break;
            }
        }

        if (!recipientMatches)
        {
            return false;
        }

        foreach (var category in shared)
        {
            foreach (var id in requirement.Categories)
            {
                if (string.Equals(id, category.Id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
