namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Actions;

/// <summary>The built-in actions the typed helpers decide, numbered so that an engine keeps their compiled forms in an array.</summary>
internal enum KnownAction
{
    DataShare,
    TicketRoute,
    TicketPrioritise,
    PriceQuote,
    EligibilityCheck,
    MessageSend,
    RefundIssue,
    CreditIssue,
    ComplaintAcknowledge,
    ComplaintClose,
    FollowupPromise,
    FollowupCheck,
    ResponseFirst,
    BillingCorrect,
    TicketResolve,
}

internal static class KnownActions
{
    /// <summary>The action names, indexed by <see cref="KnownAction"/>.</summary>
    public static readonly string[] Names =
    {
        ActionCatalog.Names.DataShare,
        ActionCatalog.Names.TicketRoute,
        ActionCatalog.Names.TicketPrioritise,
        ActionCatalog.Names.PriceQuote,
        ActionCatalog.Names.EligibilityCheck,
        ActionCatalog.Names.MessageSend,
        ActionCatalog.Names.RefundIssue,
        ActionCatalog.Names.CreditIssue,
        ActionCatalog.Names.ComplaintAcknowledge,
        ActionCatalog.Names.ComplaintClose,
        ActionCatalog.Names.FollowupPromise,
        ActionCatalog.Names.FollowupCheck,
        ActionCatalog.Names.ResponseFirst,
        ActionCatalog.Names.BillingCorrect,
        ActionCatalog.Names.TicketResolve,
    };
}
