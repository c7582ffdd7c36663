namespace SupportDesk.Sharing;

using ServicePolicy.Annotations;

/// <summary>
/// The partner's customer-relationship system, a third party (the policy calls it crm-provider).
/// Every call is a disclosure of personal data: the analyzers require a consent check on every
/// path that reaches it (SP1001).
/// </summary>
public interface IPartnerCrm
{
    [ThirdPartySink(CrmShare.Recipient)]
    Task PushContactAsync(CrmContact contact, CancellationToken cancellationToken);
}
