namespace ServicePolicy.Core.Actions;

using ServicePolicy.Core.Model;

/// <summary>The type of a field that a rule condition or a message template may name.</summary>
public enum FieldType
{
    Text,
    Number,
    YesNo,
    DateTime,
    Duration,
    List,
}

/// <summary>A field of an action: part of the caller's input, or a fact the engine derives before the rules run.</summary>
public sealed class ActionField
{
    public ActionField(string name, FieldType type, bool derived, string help)
    {
        Name = name;
        Type = type;
        Derived = derived;
        Help = help;
    }

    public string Name { get; }
    public FieldType Type { get; }

    /// <summary>True when the engine computes the field (consent state, matched phrases, deadlines).</summary>
    public bool Derived { get; }

    public string Help { get; }
}

/// <summary>An action the engine decides, with the fields its rules may test.</summary>
public sealed class ActionInfo
{
    public ActionInfo(string name, string context, string principle, string help, IReadOnlyList<ActionField> fields)
    {
        Name = name;
        Context = context;
        Principle = principle;
        Help = help;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>routing, prioritisation, pricing or eligibility for decision contexts; empty otherwise.</summary>
    public string Context { get; }

    /// <summary>The principle the action mainly serves (for documentation).</summary>
    public string Principle { get; }

    public string Help { get; }
    public IReadOnlyList<ActionField> Fields { get; }

    public bool IsDecisionContext => Context.Length > 0;

    public ActionField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// The built-in actions and their fields. The validator uses it to refuse unknown actions and
/// fields; the engine computes the derived fields; the docs and the JSON Schema list them.
/// </summary>
public static class ActionCatalog
{
    public static class Names
    {
        public const string DataShare = "data.share";
        public const string TicketRoute = "ticket.route";
        public const string TicketPrioritise = "ticket.prioritise";
        public const string PriceQuote = "price.quote";
        public const string EligibilityCheck = "eligibility.check";
        public const string MessageSend = "message.send";
        public const string RefundIssue = "refund.issue";
        public const string CreditIssue = "credit.issue";
        public const string ComplaintAcknowledge = "complaint.acknowledge";
        public const string ComplaintClose = "complaint.close";
        public const string FollowupPromise = "followup.promise";
        public const string FollowupCheck = "followup.check";
        public const string ResponseFirst = "response.first";
        public const string BillingCorrect = "billing.correct";
        public const string TicketResolve = "ticket.resolve";
    }

    private static ActionField In(string name, FieldType type, string help) => new(name, type, false, help);
    private static ActionField Derived(string name, FieldType type, string help) => new(name, type, true, help);

    private static readonly ActionField[] DecisionFields =
    {
        In("customer.id", FieldType.Text, "The customer."),
        In("customer.tier", FieldType.Text, "The customer's service tier or plan."),
        In("customer.spend", FieldType.Number, "What the customer has spent."),
        In("customer.language", FieldType.Text, "The customer's language."),
        In("ticket.id", FieldType.Text, "The ticket."),
        In("ticket.category", FieldType.Text, "billing, technical, complaint..."),
        In("ticket.channel", FieldType.Text, "email, phone, chat, social..."),
        In("ticket.priority", FieldType.Text, "low, normal, high, urgent."),
        In("ticket.product", FieldType.Text, "The product concerned."),
        In("ticket.language", FieldType.Text, "The language the ticket is written in."),
        In("ticket.isComplaint", FieldType.YesNo, "Whether the ticket is a complaint."),
        Derived("input.protected", FieldType.List, "Protected attributes and proxies found in the input (they must not be there)."),
        Derived("result", FieldType.Text, "What the policy's table decided (queue, priority, price tier, eligibility)."),
    };

    private static ActionInfo Decision(string name, string context, string help, params ActionField[] extra) =>
        new(name, context, "P2", help, DecisionFields.Concat(extra).ToArray());

    private static readonly ActionField[] DeadlineFacts =
    {
        Derived("sla.within", FieldType.Duration, "The deadline the policy sets for this case."),
        Derived("sla.elapsed", FieldType.Duration, "How long it has taken, or has been waiting so far."),
        Derived("sla.overdue", FieldType.YesNo, "Whether the deadline has passed."),
        Derived("sla.due", FieldType.DateTime, "The moment the deadline falls."),
    };

    private static ActionInfo Money(string name, string help) => new(name, "", "P8", help, new[]
    {
        In("agent.id", FieldType.Text, "The agent acting."),
        In("agent.role", FieldType.Text, "The agent's role, matched against the authority limits."),
        In("amount", FieldType.Number, "The amount."),
        In("currency", FieldType.Text, "The currency."),
        In("reason", FieldType.Text, "Why the refund or credit is given."),
        In("customer.id", FieldType.Text, "The customer."),
        In("approvedBy", FieldType.Text, "Who approved it, when someone did."),
        In("approver.role", FieldType.Text, "The approver's role, matched against the authority limits."),
        Derived("approval.independent", FieldType.YesNo, "Whether the approval comes from someone other than the agent who asks; false when either is not given."),
        Derived("approval.withinAuthority", FieldType.YesNo, "Whether the approver's role may grant the amount; false when the role is not given or too low."),
        Derived("authority.limit", FieldType.Number, "The most the agent's role may grant without approval."),
        Derived("authority.exceeded", FieldType.YesNo, "Whether the amount is above the agent's limit."),
    });

    public static readonly IReadOnlyList<ActionInfo> BuiltIn = new[]
    {
        new ActionInfo(Names.DataShare, "", "P1", "Personal data is about to be sent to a recipient (a partner, a processor, another system).", new[]
        {
            In("subject", FieldType.Text, "The customer the data is about."),
            In("recipient", FieldType.Text, "Who receives the data."),
            In("purpose", FieldType.Text, "Why it is shared (a consent purpose)."),
            In("fields", FieldType.List, "The names of the fields being shared."),
            Derived("consent.granted", FieldType.YesNo, "Whether every consent the shared data needs is granted."),
            Derived("consent.missing", FieldType.List, "Purposes the data needs that the customer has not granted."),
            Derived("consent.withdrawn", FieldType.List, "Purposes the customer granted and then withdrew."),
            Derived("fields.personal", FieldType.List, "Shared fields that are personal data."),
            Derived("fields.sensitive", FieldType.List, "Shared fields of sensitive or special categories."),
            Derived("fields.unneeded", FieldType.List, "Shared fields the purpose does not need (to be dropped)."),
            Derived("fields.redact", FieldType.List, "Shared fields that must be masked in logs."),
            Derived("fields.neverShared", FieldType.List, "Shared fields of a category that is never shared."),
            Derived("fields.unclassified", FieldType.List, "Shared fields the classification does not know, treated as personal data (unless the policy opens that default)."),
            Derived("recipient.registered", FieldType.YesNo, "Whether the recipient is in the recipients register."),
            Derived("recipient.kind", FieldType.Text, "The registered recipient's kind: internal, processor or third-party."),
            Derived("recipient.purposeAllowed", FieldType.YesNo, "Whether the register lets the recipient receive data for this purpose."),
            Derived("consent.onRecord", FieldType.List, "The consent events on record for the purposes the share needs, oldest first."),
        }),
        Decision(Names.TicketRoute, "routing", "A ticket is assigned to a queue or team."),
        Decision(Names.TicketPrioritise, "prioritisation", "A ticket is given a priority."),
        Decision(Names.PriceQuote, "pricing", "A price or discount is set for a customer.",
            In("product", FieldType.Text, "The product priced."),
            In("quantity", FieldType.Number, "How many."),
            In("basePrice", FieldType.Number, "The list price.")),
        Decision(Names.EligibilityCheck, "eligibility", "A customer's eligibility for an offer, a plan or a service is decided.",
            In("offer", FieldType.Text, "The offer or service.")),
        new ActionInfo(Names.MessageSend, "", "P3", "A message is about to be sent to a customer.", new[]
        {
            In("channel", FieldType.Text, "email, chat, sms, phone script..."),
            In("language", FieldType.Text, "The message's language (en, es, it, ru...)."),
            In("kind", FieldType.Text, "reply, price-quote, marketing, apology..."),
            In("text", FieldType.Text, "The text of the message."),
            In("totalPrice", FieldType.Number, "For price quotes: the total price stated."),
            In("terms", FieldType.Text, "For price quotes: the terms stated or linked."),
            In("deadline", FieldType.DateTime, "When the message promises something: by when."),
            Derived("text.claims", FieldType.List, "Banned claims found in the text."),
            Derived("text.disrespectful", FieldType.List, "Disrespectful terms found in the text."),
            Derived("text.promises", FieldType.List, "Promises of a follow-up found in the text."),
            Derived("text.language", FieldType.Text, "The language whose phrase lists were checked (en, es...), or all."),
            Derived("text.languageSource", FieldType.Text, "Where that language came from: request, detected (from the text) or undetermined (every list was checked)."),
        }),
        Money(Names.RefundIssue, "An agent refunds money to a customer."),
        Money(Names.CreditIssue, "An agent grants a credit or goodwill gesture."),
        new ActionInfo(Names.ComplaintAcknowledge, "", "P6", "A complaint is acknowledged to the customer.", new[]
        {
            In("complaint.id", FieldType.Text, "The complaint."),
            In("channel", FieldType.Text, "Where it came in."),
            In("receivedAt", FieldType.DateTime, "When it came in."),
            In("acknowledgedAt", FieldType.DateTime, "When it is acknowledged (now, if absent)."),
            In("apology", FieldType.YesNo, "Whether the acknowledgement apologises."),
        }.Concat(DeadlineFacts).ToArray()),
        new ActionInfo(Names.ComplaintClose, "", "P6", "A complaint is closed.", new[]
        {
            In("complaint.id", FieldType.Text, "The complaint."),
            In("resolution", FieldType.Text, "A summary of how it was resolved."),
            In("investigation", FieldType.Text, "What was investigated and found."),
            In("customerNotified", FieldType.YesNo, "Whether the customer was told of the outcome."),
            In("apologyDue", FieldType.YesNo, "Whether the company was at fault."),
            In("apologised", FieldType.YesNo, "Whether the customer received an apology."),
            In("feedbackRequested", FieldType.YesNo, "Whether the customer was asked for feedback."),
            In("receivedAt", FieldType.DateTime, "When the complaint came in."),
            In("closedAt", FieldType.DateTime, "When it is closed (now, if absent)."),
        }.Concat(DeadlineFacts).ToArray()),
        new ActionInfo(Names.FollowupPromise, "", "P4", "An agent promises a call-back or an e-mail.", new[]
        {
            In("owner", FieldType.Text, "Who will do it."),
            In("channel", FieldType.Text, "call, email..."),
            In("promisedAt", FieldType.DateTime, "When the promise is made (now, if absent)."),
            In("dueAt", FieldType.DateTime, "When it is promised for."),
            Derived("sla.dueBeforePromise", FieldType.YesNo, "Whether the due time falls before the promise was made."),
        }.Concat(DeadlineFacts).ToArray()),
        new ActionInfo(Names.FollowupCheck, "", "P4", "A promised follow-up is checked: was it kept in time?", new[]
        {
            In("owner", FieldType.Text, "Who owns it."),
            In("dueAt", FieldType.DateTime, "When it was promised for."),
            In("completedAt", FieldType.DateTime, "When it was done (absent if not yet)."),
            In("promisedAt", FieldType.DateTime, "When the promise was made, if known."),
        }.Concat(DeadlineFacts).ToArray()),
        new ActionInfo(Names.ResponseFirst, "", "P5", "The first response to a customer's request.", new[]
        {
            In("channel", FieldType.Text, "email, phone, chat, social..."),
            In("priority", FieldType.Text, "low, normal, high, urgent."),
            In("receivedAt", FieldType.DateTime, "When the request came in."),
            In("respondedAt", FieldType.DateTime, "When it was answered (now, if absent)."),
        }.Concat(DeadlineFacts).ToArray()),
        new ActionInfo(Names.BillingCorrect, "", "P3", "A billing discrepancy is corrected.", new[]
        {
            In("reportedAt", FieldType.DateTime, "When the discrepancy was reported."),
            In("correctedAt", FieldType.DateTime, "When it is corrected (now, if absent)."),
            In("amount", FieldType.Number, "The amount corrected."),
        }.Concat(DeadlineFacts).ToArray()),
        new ActionInfo(Names.TicketResolve, "", "P9", "A ticket is marked resolved.", new[]
        {
            In("ticket.id", FieldType.Text, "The ticket."),
            In("resolution", FieldType.Text, "How it was resolved."),
            In("feedbackRequested", FieldType.YesNo, "Whether the customer was asked for feedback."),
        }),
    };

    private static readonly Dictionary<string, ActionInfo> ByName = BuiltIn.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public static ActionInfo? Find(string name) => ByName.TryGetValue(name, out var info) ? info : null;

    /// <summary>
    /// The actions of a policy: the built-in ones, with the policy's own actions added and the
    /// extra fields it declares merged in. Protected-attribute and proxy fields from the
    /// classification are known fields of every action (so that the validator can say they must
    /// not be tested, rather than that they do not exist).
    /// </summary>
    public static IReadOnlyDictionary<string, ActionInfo> ForPolicy(Policy policy)
    {
        var result = new Dictionary<string, ActionInfo>(ByName, StringComparer.Ordinal);
        foreach (var definition in policy.Actions)
        {
            var extra = definition.Fields.Select(f => new ActionField(f.Key, ParseFieldType(f.Value) ?? FieldType.Text, false, "Declared by the policy.")).ToList();
            if (result.TryGetValue(definition.Name, out var existing))
            {
                var fields = existing.Fields.Concat(extra.Where(e => existing.FindField(e.Name) == null)).ToArray();
                var context = definition.Context.Length > 0 ? definition.Context : existing.Context;
                result[definition.Name] = new ActionInfo(existing.Name, context, existing.Principle, existing.Help, fields);
            }
            else
            {
                var fields = extra.ToList();
                if (definition.Context.Length > 0)
                {
                    fields.Add(Derived("input.protected", FieldType.List, "Protected attributes and proxies found in the input."));
                    fields.Add(Derived("result", FieldType.Text, "What the policy's table decided."));
                }

                result[definition.Name] = new ActionInfo(definition.Name, definition.Context, "", definition.Description, fields);
            }
        }

        return result;
    }

    /// <summary>Field type names as a policy writes them.</summary>
    public static readonly IReadOnlyList<string> FieldTypeNames = new[] { "text", "number", "yes-no", "date-time", "duration", "list" };

    public static FieldType? ParseFieldType(string text) => text switch
    {
        "text" => FieldType.Text,
        "number" => FieldType.Number,
        "yes-no" => FieldType.YesNo,
        "date-time" => FieldType.DateTime,
        "duration" => FieldType.Duration,
        "list" => FieldType.List,
        _ => null,
    };
}
