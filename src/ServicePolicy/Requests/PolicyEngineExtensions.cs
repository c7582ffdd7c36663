namespace ServicePolicy;

using ServicePolicy.Compilation;

/// <summary>
/// Typed helpers for the built-in actions; each is <see cref="IPolicyEngine.Evaluate"/> with the action's name.
/// On a <see cref="PolicyEngine"/> (or the hosted engine, which uses the engine in force at the call)
/// they go straight to the action's compiled form instead of looking the name up.
/// </summary>
public static class PolicyEngineExtensions
{
    /// <summary>data.share: may these fields go to this recipient for this purpose? Obligations name fields to drop or redact.</summary>
    public static Decision ShareData(this IPolicyEngine engine, DataShareRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.DataShare, request, context);

    /// <summary>ticket.route: the queue is <see cref="Decision.Result"/>. Input carrying protected attributes is refused.</summary>
    public static Decision RouteTicket(this IPolicyEngine engine, TicketRouteRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.TicketRoute, request, context);

    /// <summary>ticket.route with any input object (dictionary, JSON, your own type).</summary>
    public static Decision RouteTicket(this IPolicyEngine engine, object input, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.TicketRoute, input, context);

    public static Decision PrioritiseTicket(this IPolicyEngine engine, object input, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.TicketPrioritise, input, context);

    public static Decision QuotePrice(this IPolicyEngine engine, object input, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.PriceQuote, input, context);

    public static Decision CheckEligibility(this IPolicyEngine engine, object input, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.EligibilityCheck, input, context);

    /// <summary>message.send: banned claims, disrespectful terms, price-quote disclosures, promises without a deadline.</summary>
    public static Decision CheckMessage(this IPolicyEngine engine, MessageRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.MessageSend, request, context);

    /// <summary>refund.issue: within the agent's authority it is allowed; above it, an approval obligation (do not refund until approved).</summary>
    public static Decision IssueRefund(this IPolicyEngine engine, RefundRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.RefundIssue, request, context);

    /// <summary>credit.issue: as <see cref="IssueRefund"/>, for credits and goodwill gestures.</summary>
    public static Decision IssueCredit(this IPolicyEngine engine, CreditRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.CreditIssue, request, context);

    public static Decision AcknowledgeComplaint(this IPolicyEngine engine, ComplaintAcknowledgeRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.ComplaintAcknowledge, request, context);

    public static Decision CloseComplaint(this IPolicyEngine engine, ComplaintCloseRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.ComplaintClose, request, context);

    public static Decision PromiseFollowUp(this IPolicyEngine engine, FollowUpPromiseRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.FollowupPromise, request, context);

    public static Decision CheckFollowUp(this IPolicyEngine engine, FollowUpCheckRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.FollowupCheck, request, context);

    public static Decision CheckFirstResponse(this IPolicyEngine engine, FirstResponseRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.ResponseFirst, request, context);

    public static Decision CorrectBilling(this IPolicyEngine engine, BillingCorrectionRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.BillingCorrect, request, context);

    public static Decision ResolveTicket(this IPolicyEngine engine, TicketResolveRequest request, EvaluationContext? context = null) =>
        Decide(engine, KnownAction.TicketResolve, request, context);

    private static Decision Decide(IPolicyEngine engine, KnownAction action, object? input, EvaluationContext? context) => engine switch
    {
        PolicyEngine direct => direct.EvaluateKnown(action, input, context),
        Hosting.HostedPolicyEngine hosted => hosted.Engine.EvaluateKnown(action, input, context),
        null => throw new ArgumentNullException(nameof(engine)),
        _ => engine.Evaluate(KnownActions.Names[(int)action], input, context),
    };
}
