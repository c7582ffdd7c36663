namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Model;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// data.share: which shared fields are personal, sensitive, never shared, unclassified, unneeded for
/// the purpose or to be redacted; whether the recipient is registered for the purpose; and which
/// consents the share needs that the customer has not granted or has withdrawn, with the consent
/// events on record.
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
    private readonly FieldSlot _onRecord;
    private readonly FieldSlot _personal;
    private readonly FieldSlot _sensitive;
    private readonly FieldSlot _unneeded;
    private readonly FieldSlot _redact;
    private readonly FieldSlot _neverShared;
    private readonly FieldSlot _unclassified;
    private readonly FieldSlot _registered;
    private readonly FieldSlot _kind;
    private readonly FieldSlot _purposeAllowed;

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
        _onRecord = fields.Slot("consent.onRecord");
        _personal = fields.Slot("fields.personal");
        _sensitive = fields.Slot("fields.sensitive");
        _unneeded = fields.Slot("fields.unneeded");
        _redact = fields.Slot("fields.redact");
        _neverShared = fields.Slot("fields.neverShared");
        _unclassified = fields.Slot("fields.unclassified");
        _registered = fields.Slot("recipient.registered");
        _kind = fields.Slot("recipient.kind");
        _purposeAllowed = fields.Slot("recipient.purposeAllowed");
    }

    // A share that does not say which fields it sends cannot be checked for consent or
    // minimisation, so it is refused rather than allowed with nothing to check.
    public override IEnumerable<FieldSlot> Required => new[] { _subject, _recipient, _purpose, _fields };

    public override void Compute(EvaluationScope scope)
    {
        var subject = ReadText(scope, _subject);
        var recipient = ReadText(scope, _recipient);
        var purpose = ReadText(scope, _purpose);
        var declared = recipient == null ? null : _context.Policy.FindRecipient(recipient);

        // The list facts take the scope's buffers only when something goes into them.
        List<string>? personal = null, sensitive = null, unneeded = null, redact = null, neverShared = null, unclassified = null;
        var categories = scope.Categories;
        categories.Clear();

        ref readonly var shared = ref scope.Get(_fields.Index);
        if (shared.Kind == ValueKind.List)
        {
            var needs = purpose == null ? null : _context.NeedsOf(purpose);
            foreach (var item in ListElements.Of(shared))
            {
                if (item.Kind != ValueKind.Text)
                {
                    // A field name that is not a text cannot be classified: refusing is the only safe answer.
                    scope.ReportWrongType(_fields, "a list of field names (texts)");
                    continue;
                }

                var name = (string)item.Reference!;
                var classified = _context.Classify(name);
                var fieldCategories = classified.Categories;
                if (fieldCategories.Length == 0)
                {
                    if (classified.UnclassifiedPersonal)
                    {
                        (unclassified ??= scope.Buffer(_unclassified.Index)).Add(name);
                        (personal ??= scope.Buffer(_personal.Index)).Add(name);
                        (unneeded ??= scope.Buffer(_unneeded.Index)).Add(name);
                        (redact ??= scope.Buffer(_redact.Index)).Add(name);
                    }

                    continue;
                }

                (personal ??= scope.Buffer(_personal.Index)).Add(name);
                bool isSensitive = false, isUnneeded = false, mustRedact = false, isNeverShared = false;
                foreach (var category in fieldCategories)
                {
                    isSensitive |= category.Level != DataLevel.Personal;
                    isUnneeded |= needs == null || !needs.Contains(category.Id);
                    mustRedact |= category.RedactInLogs;
                    isNeverShared |= category.NeverShared;
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

                if (isNeverShared)
                {
                    (neverShared ??= scope.Buffer(_neverShared.Index)).Add(name);
                }
            }
        }
        else if (!shared.IsMissingOrNull)
        {
            scope.ReportWrongType(_fields, "a list of field names");
        }

        var consents = subject != null && recipient != null && categories.Count > 0
            ? CheckConsents(scope, subject, recipient, declared, purpose, categories)
            : default;

        scope.Set(_personal.Index, ListOrEmpty(personal));
        scope.Set(_sensitive.Index, ListOrEmpty(sensitive));
        scope.Set(_unneeded.Index, ListOrEmpty(unneeded));
        scope.Set(_redact.Index, ListOrEmpty(redact));
        scope.Set(_neverShared.Index, ListOrEmpty(neverShared));
        scope.Set(_unclassified.Index, ListOrEmpty(unclassified));
        scope.Set(_missing.Index, ListOrEmpty(consents.Missing));
        scope.Set(_withdrawn.Index, ListOrEmpty(consents.Withdrawn));
        scope.Set(_onRecord.Index, ListOrEmpty(consents.OnRecord));
        scope.Set(_granted.Index, FieldValue.FromBool(consents.Missing == null && consents.Withdrawn == null));
        if (recipient != null)
        {
            scope.Set(_registered.Index, FieldValue.FromBool(declared != null));
            scope.Set(_purposeAllowed.Index, FieldValue.FromBool(declared != null && purpose != null && IsRegisteredFor(declared, purpose)));
        }

        if (declared != null)
        {
            scope.Set(_kind.Index, FieldValue.FromText(KindName(declared.Kind)));
        }
    }

    private (List<string>? Missing, List<string>? Withdrawn, List<string>? OnRecord) CheckConsents(EvaluationScope scope, string subject, string recipient, Recipient? declared, string? purpose, List<DataCategory> categories)
    {
        // Each purpose is looked up once; the list of those already looked up lives in a scratch buffer.
        List<string>? missing = null, withdrawn = null, onRecord = null;
        var looked = new List<string>();
        foreach (var category in categories)
        {
            var covered = false;
            foreach (var requirement in _context.Requirements)
            {
                if (requirement.Covers(recipient, declared, category.Id))
                {
                    covered = true;
                    Look(requirement.Purpose);
                }
            }

            // Closed default: personal data going outside the company that no requirement covers
            // still needs the customer's consent for the purpose the share is made for.
            if (!covered && (declared == null || declared.IsOutsideTheCompany) && purpose != null)
            {
                Look(purpose);
            }
        }

        return (missing, withdrawn, onRecord);

        void Look(string needed)
        {
            if (looked.Contains(needed, StringComparer.Ordinal))
            {
                return;
            }

            looked.Add(needed);
            switch (scope.Consents.GetConsent(subject, needed, recipient))
            {
                case ConsentState.Granted:
                    break;
                case ConsentState.Withdrawn:
                    (withdrawn ??= new List<string>()).Add(needed);
                    break;
                default:
                    (missing ??= new List<string>()).Add(needed);
                    break;
            }

            if (scope.Consents is IConsentHistory history)
            {
                foreach (var record in history.RecordsOf(subject, needed))
                {
                    (onRecord ??= new List<string>()).Add(record.ToString());
                }
            }
        }
    }

    private static bool IsRegisteredFor(Recipient recipient, string purpose)
    {
        foreach (var allowed in recipient.Purposes)
        {
            if (string.Equals(allowed, purpose, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string KindName(RecipientKind kind) => kind switch
    {
        RecipientKind.Internal => "internal",
        RecipientKind.Processor => "processor",
        _ => "third-party",
    };

    private static FieldValue ListOrEmpty(List<string>? list) => list == null ? FieldValue.EmptyList : FieldValue.FromList(list);
}
