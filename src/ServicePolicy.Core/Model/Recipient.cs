namespace ServicePolicy.Core.Model;

/// <summary>What kind of party a recipient is; the kind decides which rules of sharing apply.</summary>
public enum RecipientKind
{
    /// <summary>A team or system of the company itself: no third-party consent, still only what the purpose needs.</summary>
    Internal,

    /// <summary>A processor acting on the company's instructions under a data-processing agreement.</summary>
    Processor,

    /// <summary>An independent third party that uses the data for its own ends.</summary>
    ThirdParty,
}

/// <summary>One entry of the recipients register: someone the company shares customer data with.</summary>
[Help("Someone the company shares customer data with, declared once: a share to a recipient not in this register is refused.")]
public sealed class Recipient : PolicyElement
{
    [RequiredKey]
    [Help("The name decisions and consent requirements use for the recipient.", Example = "id: crm-provider")]
    public string Id { get; set; } = "";

    [RequiredKey]
    [Help("internal (a team of the company), processor (acts on the company's instructions) or third-party (uses the data for its own ends).", Example = "kind: processor")]
    public RecipientKind Kind { get; set; } = RecipientKind.ThirdParty;

    [Help("The consent purposes this recipient may receive data for; a share for any other purpose is refused.", Example = "purposes: [crm-sync]")]
    public List<string> Purposes { get; set; } = new();

    [Help("The contract or data-processing agreement that covers the sharing (required for processors and third parties).", Example = "agreement: DPA-2024-017")]
    public string Agreement { get; set; } = "";

    [Help("Who the recipient is, in plain words.")]
    public string Description { get; set; } = "";

    /// <summary>True when consent requirements for "every recipient" apply: any recipient outside the company.</summary>
    public bool IsOutsideTheCompany => Kind != RecipientKind.Internal;
}
