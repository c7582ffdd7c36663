namespace App;

public sealed class PartnerCrmClient
{
    public void Upsert(string email) => Console.WriteLine("sent");
}

public sealed class CustomerSync
{
    private readonly PartnerCrmClient _crm = new();

    // Shares personal data with a third party without checking consent first (SP1001).
    public void Sync(Customer customer) => _crm.Upsert(customer.Email);

    // Writes personal data to the log unredacted (SP1002).
    public void Trace(Customer customer) => Console.WriteLine("syncing " + customer.Email);
}
