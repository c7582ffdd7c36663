namespace ServicePolicy.Benchmarks.Engine;

using ServicePolicy.Core.Text;

/// <summary>What a hand-written check returns: the outcome, for decisions the result, and whether a warning rule fired.</summary>
public readonly record struct HandDecision(bool Allowed, bool Obligations, string? Result = null, bool Warnings = false);

/// <summary>
/// The seed pack's rules for each benchmarked action, written by hand the way an application
/// would without the engine: the tables hard-coded, straight-line checks, no explanation. This is
/// the baseline the engine is compared with.
/// </summary>
public sealed class HandWrittenRules
{
    private static readonly Dictionary<string, string[]> FieldCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = new[] { "contact" },
        ["phone"] = new[] { "contact" },
        ["name"] = new[] { "identity" },
        ["address"] = new[] { "location" },
        ["postcode"] = new[] { "location" },
        ["iban"] = new[] { "payment" },
        ["cardNumber"] = new[] { "payment" },
        ["orderHistory"] = new[] { "behaviour" },
        ["healthCondition"] = new[] { "special" },
    };

    private static readonly Dictionary<string, HashSet<string>> PurposeNeeds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["crm-sync"] = new(StringComparer.OrdinalIgnoreCase) { "contact", "identity" },
        ["order-delivery"] = new(StringComparer.OrdinalIgnoreCase) { "contact", "identity", "location" },
        ["payment-processing"] = new(StringComparer.OrdinalIgnoreCase) { "identity", "payment", "location" },
        ["marketing"] = new(StringComparer.OrdinalIgnoreCase) { "contact", "identity" },
    };

    private static readonly (string[] Categories, string[] Recipients, string Purpose)[] Requirements =
    {
        (new[] { "contact", "identity" }, new[] { "crm-provider" }, "crm-sync"),
        (new[] { "contact", "identity", "location" }, new[] { "carrier" }, "order-delivery"),
        (new[] { "payment" }, new[] { "*" }, "payment-processing"),
        (new[] { "contact", "identity", "location", "behaviour" }, new[] { "marketing-platform" }, "marketing"),
        (new[] { "special" }, new[] { "*" }, "special-data-sharing"),
    };

    private static readonly HashSet<string> ApprovedRecipients = new(StringComparer.OrdinalIgnoreCase) { "crm-provider", "carrier", "payment-processor", "marketing-platform" };

    private static readonly (string Role, decimal Max)[] RefundLimits = { ("agent", 100m), ("senior-agent", 500m), ("supervisor", 5000m) };

    private static readonly (string Channel, string Priority, TimeSpan Within)[] FirstResponseSlas =
    {
        ("", "urgent", TimeSpan.FromHours(1)), ("email", "", TimeSpan.FromHours(8)), ("webform", "", TimeSpan.FromHours(8)),
        ("social", "", TimeSpan.FromHours(8)), ("chat", "", TimeSpan.FromMinutes(10)), ("phone", "", TimeSpan.FromMinutes(5)),
    };

    private static readonly TimeSpan ComplaintResolveSla = TimeSpan.FromDays(14);

    private readonly IConsentStore _consents;
    private readonly PhraseMatcher _phrases;
    private readonly List<PhraseMatch> _matches = new();
    private readonly TimeProvider _time;

    public HandWrittenRules(IConsentStore consents, PhraseMatcher phrases, TimeProvider time)
    {
        _consents = consents;
        _phrases = phrases;
        _time = time;
    }

    /// <summary>P1: consent per requirement, withdrawn consent, approved recipients, unneeded fields, redaction.</summary>
    public HandDecision ShareData(DataShareRequest request)
    {
        var personal = false;
        var obligations = false;
        PurposeNeeds.TryGetValue(request.Purpose, out var needs);
        foreach (var field in request.Fields)
        {
            if (!FieldCategories.TryGetValue(field, out var categories))
            {
                continue;
            }

            personal = true;
            obligations = true; // every category is masked in logs
            foreach (var category in categories)
            {
                if (needs == null || !needs.Contains(category))
                {
                    obligations = true;
                }

                foreach (var (requiredFor, recipients, purpose) in Requirements)
                {
                    if (Array.IndexOf(requiredFor, category) >= 0 && (Array.IndexOf(recipients, "*") >= 0 || Array.IndexOf(recipients, request.Recipient) >= 0)
                        && _consents.GetConsent(request.Subject, purpose, request.Recipient) != ConsentState.Granted)
                    {
                        return new HandDecision(false, obligations);
                    }
                }
            }
        }

        if (personal && !ApprovedRecipients.Contains(request.Recipient))
        {
            return new HandDecision(false, obligations);
        }

        return new HandDecision(true, obligations);
    }

    /// <summary>P2: no protected attributes (the request type has none), the complaint-spend warning, the queue table.</summary>
    public HandDecision RouteTicket(TicketRouteRequest request)
    {
        var ticket = request.Ticket;

        // P2-complaints-ignore-spend (warn): a complaint routed with the customer's tier or spend in the input.
        var warn = ticket.IsComplaint && (request.Customer.Tier != null || request.Customer.Spend != null);
        string queue;
        if (ticket.IsComplaint)
        {
            queue = "complaints";
        }
        else if (string.Equals(ticket.Category, "billing", StringComparison.OrdinalIgnoreCase))
        {
            queue = "billing";
        }
        else if (string.Equals(ticket.Category, "technical", StringComparison.OrdinalIgnoreCase))
        {
            queue = "technical";
        }
        else if (string.Equals(ticket.Language, "es", StringComparison.OrdinalIgnoreCase))
        {
            queue = "support-es";
        }
        else if (string.Equals(ticket.Language, "it", StringComparison.OrdinalIgnoreCase))
        {
            queue = "support-it";
        }
        else if (string.Equals(ticket.Language, "ru", StringComparison.OrdinalIgnoreCase))
        {
            queue = "support-ru";
        }
        else
        {
            queue = "general";
        }

        return new HandDecision(true, false, queue, warn);
    }

    /// <summary>P3/P7: claims and disrespectful terms, price-quote disclosures, promises with a deadline.</summary>
    public HandDecision CheckMessage(MessageRequest message)
    {
        _matches.Clear();
        _phrases.Scan(message.Text, _matches);
        var promise = false;
        foreach (var match in _matches)
        {
            if (match.Kind != PhraseKind.Promise)
            {
                return new HandDecision(false, false);
            }

            promise = true;
        }

        if (promise && message.Deadline == null)
        {
            return new HandDecision(false, false);
        }

        if (string.Equals(message.Kind, "price-quote", StringComparison.OrdinalIgnoreCase) && (message.TotalPrice == null || string.IsNullOrEmpty(message.Terms)))
        {
            return new HandDecision(false, false);
        }

        return new HandDecision(true, false);
    }

    /// <summary>P8/P10: authority limit by role, a reason for every refund.</summary>
    public HandDecision IssueRefund(RefundRequest refund)
    {
        if (string.IsNullOrEmpty(refund.Reason))
        {
            return new HandDecision(false, false);
        }

        var limit = 0m;
        foreach (var (role, max) in RefundLimits)
        {
            if (string.Equals(role, refund.AgentRole, StringComparison.OrdinalIgnoreCase))
            {
                limit = max;
                break;
            }
        }

        return new HandDecision(true, refund.Amount > limit && string.IsNullOrEmpty(refund.ApprovedBy));
    }

    /// <summary>P5: the most specific first-response SLA for channel and priority, against the clock.</summary>
    public HandDecision CheckFirstResponse(FirstResponseRequest response)
    {
        TimeSpan? within = null;
        var best = -1;
        foreach (var (channel, priority, limit) in FirstResponseSlas)
        {
            if ((channel.Length > 0 && !string.Equals(channel, response.Channel, StringComparison.OrdinalIgnoreCase))
                || (priority.Length > 0 && !string.Equals(priority, response.Priority, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var score = (channel.Length > 0 ? 1 : 0) + (priority.Length > 0 ? 1 : 0);
            if (score > best)
            {
                best = score;
                within = limit;
            }
        }

        var end = response.RespondedAt ?? _time.GetUtcNow();
        var overdue = within != null && end - response.ReceivedAt > within;
        return new HandDecision(true, false) { Obligations = overdue };
    }

    /// <summary>P6/P9/P10: resolution, notice, apology where due, investigation, feedback, resolved within the 14-day deadline.</summary>
    public HandDecision CloseComplaint(ComplaintCloseRequest close)
    {
        if (string.IsNullOrEmpty(close.Resolution) || !close.CustomerNotified || string.IsNullOrEmpty(close.Investigation)
            || (close.ApologyDue == true && close.Apologised != true))
        {
            return new HandDecision(false, false);
        }

        // P6-resolved-in-time (warn): closed (or still open now) more than 14 days after it was received.
        var late = close.ReceivedAt is { } received && (close.ClosedAt ?? _time.GetUtcNow()) - received > ComplaintResolveSla;
        return new HandDecision(true, close.FeedbackRequested != true, Warnings: late);
    }
}
