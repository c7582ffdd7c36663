namespace Shop.Web;

using Shop.Data;

public sealed class OrdersEndpoint
{
    private readonly ILogger<OrdersEndpoint> _logger;

    public OrdersEndpoint(ILogger<OrdersEndpoint> logger) => _logger = logger;

    // Personal data to the log through ILogger, from the ASP.NET Core shared framework (SP1002).
    public void Place(Customer customer, HttpContext context) =>
        _logger.LogInformation("order for {Email} on {Path}", customer.Email, context.Request.Path);

    public string Label(Customer customer) => Mapper.Label(customer);
}
