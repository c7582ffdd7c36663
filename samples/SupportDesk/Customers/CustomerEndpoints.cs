namespace SupportDesk.Customers;

using ServicePolicy;
using SupportDesk.Api;
using SupportDesk.Domain;
using SupportDesk.Storage;

/// <summary>Registering customers, and recording the consents they give and withdraw (P1).</summary>
public static class CustomerEndpoints
{
    public static void MapCustomers(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/customers", Register);
        routes.MapPut("/customers/{id}/consents/{purpose}", Grant);
        routes.MapDelete("/customers/{id}/consents/{purpose}", Withdraw);
    }

    private static IResult Register(RegisterCustomerRequest request, HelpDeskStore store)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.Email))
        {
            return PolicyResults.Problem(StatusCodes.Status400BadRequest, "Incomplete customer", "A customer needs a name and an e-mail address.");
        }

        var customer = new Customer
        {
            Id = store.NextId("c"),
            Name = request.Name,
            Email = request.Email,
            Phone = request.Phone,
            Language = string.IsNullOrWhiteSpace(request.Language) ? "en" : request.Language,
            Gender = request.Gender,
            Ethnicity = request.Ethnicity,
            Religion = request.Religion,
            DateOfBirth = request.DateOfBirth,
            Nationality = request.Nationality,
            Disability = request.Disability,
        };
        store.Add(customer);
        return Results.Created($"/customers/{customer.Id}", new { id = customer.Id });
    }

    private static IResult Grant(string id, string purpose, string? recipient, HelpDeskStore store, InMemoryConsentStore consents, ConsentPurposes purposes)
    {
        var problem = Check(id, purpose, store, purposes);
        if (problem != null)
        {
            return problem;
        }

        consents.Grant(id, purpose, string.IsNullOrWhiteSpace(recipient) ? "*" : recipient);
        return Results.NoContent();
    }

    private static IResult Withdraw(string id, string purpose, string? recipient, HelpDeskStore store, InMemoryConsentStore consents, ConsentPurposes purposes)
    {
        var problem = Check(id, purpose, store, purposes);
        if (problem != null)
        {
            return problem;
        }

        consents.Withdraw(id, purpose, string.IsNullOrWhiteSpace(recipient) ? "*" : recipient);
        return Results.NoContent();
    }

    private static IResult? Check(string id, string purpose, HelpDeskStore store, ConsentPurposes purposes)
    {
        if (store.FindCustomer(id) == null)
        {
            return PolicyResults.NotFound("customer", id);
        }

        return purposes.IsKnown(purpose)
            ? null
            : PolicyResults.Problem(StatusCodes.Status400BadRequest, "Unknown consent purpose", $"The policy defines no consent purpose '{purpose}'. Known purposes: {string.Join(", ", purposes.All)}.");
    }
}

/// <summary>What the desk records about a new customer. The protected traits are optional and voluntary.</summary>
public sealed record RegisterCustomerRequest(
    string Name,
    string Email,
    string? Phone = null,
    string? Language = null,
    string? Gender = null,
    string? Ethnicity = null,
    string? Religion = null,
    DateOnly? DateOfBirth = null,
    string? Nationality = null,
    string? Disability = null);
