namespace SupportDesk.Customers;

using ServicePolicy.Hosting;

/// <summary>The consent purposes of the policy in force, so that a consent for a purpose nobody checks is refused at once.</summary>
public sealed class ConsentPurposes
{
    private readonly IPolicyEngineProvider _provider;

    public ConsentPurposes(IPolicyEngineProvider provider) => _provider = provider;

    public IReadOnlyList<string> All => _provider.Current.Policy?.Consent.Purposes.Select(p => p.Id).ToList() ?? (IReadOnlyList<string>)Array.Empty<string>();

    public bool IsKnown(string purpose) => All.Contains(purpose, StringComparer.OrdinalIgnoreCase);
}
