namespace SupportDesk.Sharing;

using SupportDesk.Api;
using SupportDesk.Logging;
using SupportDesk.Storage;

/// <summary>Sharing a customer with the partner CRM: 403 with the decision's explanation when the policy refuses.</summary>
public static class SharingEndpoints
{
    public static void MapSharing(this IEndpointRouteBuilder routes) => routes.MapPost("/customers/{id}/share/crm", ShareWithCrm);

    private static async Task<IResult> ShareWithCrm(
        string id,
        ShareRequest? request,
        HelpDeskStore store,
        CrmShare share,
        IPartnerCrm crm,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var customer = store.FindCustomer(id);
        if (customer == null)
        {
            return PolicyResults.NotFound("customer", id);
        }

        var requested = request?.Fields is { Count: > 0 } fields ? fields : CrmFields.Default;
        var unknown = CrmFields.Unknown(requested);
        if (unknown.Count > 0)
        {
            return PolicyResults.Problem(StatusCodes.Status400BadRequest, "Unknown fields", $"The desk cannot share {string.Join(", ", unknown)}; it can share {string.Join(", ", CrmFields.Known)}.");
        }

        if (!share.MayShare(customer.Id, requested, out var decision))
        {
            return PolicyResults.Refused(decision, StatusCodes.Status403Forbidden, "Sharing refused by the policy");
        }

        var kept = CrmFields.KeptAfter(decision, requested);
        await crm.PushContactAsync(CrmFields.Card(customer, kept, store), cancellationToken);

        // The redact-in-logs obligation: the log names the customer by id and a masked address only.
        loggers.CreateLogger("SupportDesk.Sharing").LogInformation(
            "Shared {Fields} of customer {CustomerId} ({Email}) with {Recipient}; decision {DecisionId}",
            string.Join(",", kept), customer.Id, Redactor.MaskEmail(customer.Email), CrmShare.Recipient, decision.Id);
        return Results.Ok(new { shared = kept, dropped = requested.Except(kept).ToList(), decision = DecisionView.From(decision) });
    }
}

/// <summary>Which customer fields to send; the default contact card when empty.</summary>
public sealed record ShareRequest(IReadOnlyList<string>? Fields);
