namespace SupportDesk.Unsafe;

using ServicePolicy.Annotations;

/// <summary>The same customer as in SupportDesk: personal data and protected attributes, annotated.</summary>
public sealed class Customer
{
    public string Id { get; set; } = "";

    [PersonalData("identity")]
    public string Name { get; set; } = "";

    [PersonalData("contact")]
    public string Email { get; set; } = "";

    public string Language { get; set; } = "en";

    public string PostalCode { get; set; } = "";

    [ProtectedAttribute("gender")]
    public string? Gender { get; set; }

    [ProtectedAttribute("age")]
    public int Age { get; set; }

    public decimal LifetimeSpend { get; set; }
}

public sealed class Ticket
{
    public string Id { get; set; } = "";

    public string Category { get; set; } = "";

    public Customer Customer { get; set; } = new();
}
