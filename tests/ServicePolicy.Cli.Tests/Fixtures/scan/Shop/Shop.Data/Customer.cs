namespace Shop.Data;

public sealed class Customer
{
    public string Email { get; set; } = "";

    public string Gender { get; set; } = "";
}
