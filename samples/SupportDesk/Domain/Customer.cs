namespace SupportDesk.Domain;

using ServicePolicy.Annotations;

/// <summary>
/// A customer of the help desk. Contact and identity details are personal data (P1). The
/// equality-monitoring traits are protected attributes (P2): the desk keeps them because the
/// customer chose to tell us (for accessibility needs and for the fairness audit of decision
/// logs), and no routing, priority, price or eligibility decision may ever read them.
/// </summary>
public sealed class Customer
{
    public required string Id { get; init; }

    [PersonalData("identity")]
    public required string Name { get; init; }

    [PersonalData("contact")]
    public required string Email { get; init; }

    [PersonalData("contact")]
    public string? Phone { get; init; }

    /// <summary>The language the customer writes in: routing may use it to answer them in it.</summary>
    public string Language { get; init; } = "en";

    [ProtectedAttribute("gender")]
    public string? Gender { get; init; }

    [ProtectedAttribute("ethnicity")]
    public string? Ethnicity { get; init; }

    [ProtectedAttribute("religion")]
    public string? Religion { get; init; }

    [ProtectedAttribute("age")]
    [PersonalData("identity")]
    public DateOnly? DateOfBirth { get; init; }

    [ProtectedAttribute("origin")]
    public string? Nationality { get; init; }

    [ProtectedAttribute("disability")]
    public string? Disability { get; init; }
}
