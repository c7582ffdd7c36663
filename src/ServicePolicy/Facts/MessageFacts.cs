namespace ServicePolicy.Facts;

using ServicePolicy.Compilation;
using ServicePolicy.Core.Text;
using ServicePolicy.Evaluation;
using ServicePolicy.Values;

/// <summary>
/// message.send: the policy's banned claims, disrespectful terms and promise phrases found in the
/// text, through the shared <see cref="PhraseMatcher"/> (the one the analyzers use). The message's
/// language selects the lists: the request's <c>language</c>, else the language recognised in the
/// text, plus the language-neutral list; when neither settles it, every list is used. The facts
/// <c>text.language</c> and <c>text.languageSource</c> say which lists were used and why, so that
/// a word harmless in one language (Italian "burro") is not a finding in it. Facts hold the
/// phrases as the policy writes them (pattern ids for patterns).
/// </summary>
internal sealed class MessageFacts : FactProvider
{
    private readonly PolicyContext _context;
    private readonly FieldSlot _text;
    private readonly FieldSlot _claims;
    private readonly FieldSlot _disrespectful;
    private readonly FieldSlot _promises;
    private readonly FieldSlot _language;
    private readonly FieldSlot _languageChecked;
    private readonly FieldSlot _languageSource;

    public MessageFacts(FieldTable fields, PolicyContext context)
    {
        _context = context;
        _text = fields.Slot("text");
        _claims = fields.Slot("text.claims");
        _disrespectful = fields.Slot("text.disrespectful");
        _promises = fields.Slot("text.promises");
        _language = fields.Slot("language");
        _languageChecked = fields.Slot("text.language");
        _languageSource = fields.Slot("text.languageSource");
    }

    public override IEnumerable<FieldSlot> Required => new[] { _text };

    public override void Compute(EvaluationScope scope)
    {
        var claims = scope.Buffer(_claims.Index);
        var disrespectful = scope.Buffer(_disrespectful.Index);
        var promises = scope.Buffer(_promises.Index);
        var text = ReadText(scope, _text);
        var matches = scope.Phrases;
        matches.Clear();
        var timedOut = _context.Text.ScanMessage(text, ReadText(scope, _language), matches, out var language);
        scope.Set(_languageChecked.Index, FieldValue.FromText(language.Checked));
        scope.Set(_languageSource.Index, FieldValue.FromText(language.SourceName));
        if (timedOut)
        {
            scope.Report(EngineRuleIds.EvaluationError, "A text pattern of the policy took too long on this message, so the message could not be fully checked.", "Simplify the policy's text patterns, or shorten the message.");
        }

        foreach (var match in matches)
        {
            var into = match.Kind switch
            {
                PhraseKind.Claim => claims,
                PhraseKind.Disrespectful => disrespectful,
                _ => promises,
            };
            if (!into.Contains(match.Phrase))
            {
                into.Add(match.Phrase);
            }
        }

        scope.Set(_claims.Index, FieldValue.FromList(claims));
        scope.Set(_disrespectful.Index, FieldValue.FromList(disrespectful));
        scope.Set(_promises.Index, FieldValue.FromList(promises));
    }
}
