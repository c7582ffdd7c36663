namespace App;

public sealed class Customer
{
    public string Email { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Tier { get; set; } = "";
}
