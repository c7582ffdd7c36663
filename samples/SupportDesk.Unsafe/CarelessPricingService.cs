namespace SupportDesk.Unsafe;

/// <summary>Prices that depend on where the customer lives. The class name matches the pricing context (*PricingService).</summary>
public sealed class CarelessPricingService
{
    public decimal Quote(Customer customer, decimal listPrice)
    {
        // SP2001: the postcode, a declared proxy for national or ethnic origin, decides the price.
        return customer.PostalCode.StartsWith("280", StringComparison.Ordinal) ? listPrice * 1.2m : listPrice;
    }
}
