namespace SupportDesk.Sharing;

using ServicePolicy;
using ServicePolicy.Annotations;

/// <summary>
/// The consent check in front of the partner CRM (P1). It asks the policy engine whether these
/// fields of this customer may go to the CRM provider for the crm-sync purpose; the engine looks
/// the customer's consent up in the consent store and applies every data.share rule.
/// </summary>
public sealed class CrmShare
{
    public const string Recipient = "crm-provider";
    public const string Purpose = "crm-sync";

    private readonly IPolicyEngine _engine;

    public CrmShare(IPolicyEngine engine) => _engine = engine;

    /// <summary>
    /// True when the share may go ahead. The decision says why not, or which obligations the caller
    /// must meet (drop unneeded fields, mask the values in logs). An approval obligation counts as
    /// "not yet": nothing is shared until it is approved.
    /// </summary>
    [ConsentCheck(Purpose)]
    public bool MayShare(string customerId, IReadOnlyList<string> fields, out Decision decision)
    {
        decision = _engine.ShareData(new DataShareRequest(customerId, Recipient, Purpose, fields));
        return decision.IsAllowed && !decision.RequiresApproval;
    }
}
