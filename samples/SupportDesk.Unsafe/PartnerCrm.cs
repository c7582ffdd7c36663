namespace SupportDesk.Unsafe;

using System.Net.Http.Json;
using ServicePolicy.Annotations;

/// <summary>The partner CRM, a third party. Nothing here asks whether the customer agreed.</summary>
public interface IPartnerCrm
{
    [ThirdPartySink("crm-provider")]
    Task PushContactAsync(string customerId, string email, string name);
}

public sealed class CarelessCrmSync
{
    private readonly IPartnerCrm _crm;
    private readonly HttpClient _http;

    public CarelessCrmSync(IPartnerCrm crm, HttpClient http)
    {
        _crm = crm;
        _http = http;
    }

    public async Task SyncAsync(Customer customer)
    {
        // SP1001: personal data (the customer's e-mail and name) reaches the third-party sink
        // IPartnerCrm.PushContactAsync with no consent check before it.
        await _crm.PushContactAsync(customer.Id, customer.Email, customer.Name);
    }

    public async Task ExportForMarketingAsync(Customer customer)
    {
        // SP1001: the same, through a plain HttpClient POST (a third-party sink in the policy's
        // analyzers.thirdPartySinks): the e-mail leaves the company without a consent check.
        await _http.PostAsJsonAsync("https://marketing.example.com/contacts", customer.Email);
    }
}
