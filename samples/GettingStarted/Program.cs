using ServicePolicy;

var builder = WebApplication.CreateBuilder(args);

// The consent ledger: in memory here, your own IConsentStore in production. Registered before AddServicePolicy.
builder.Services.AddSingleton<InMemoryConsentStore>();
builder.Services.AddSingleton<IConsentStore>(p => p.GetRequiredService<InMemoryConsentStore>());
builder.Services.AddServicePolicy(o => o.PolicyPath = Path.Combine(AppContext.BaseDirectory, "servicepolicy.yaml"));
builder.Services.AddSingleton<CustomerStore>();
builder.Services.AddSingleton<CrmShare>();
builder.Services.AddSingleton<IPartnerCrm, PartnerCrm>();

var app = builder.Build();

// The customer agrees to their contact card going to the CRM provider, or withdraws that consent.
app.MapPut("/customers/{id}/consent/crm-sync", (string id, InMemoryConsentStore consents) =>
{
    consents.Grant(id, CrmShare.Purpose, CrmShare.Recipient);
    return Results.NoContent();
});
app.MapDelete("/customers/{id}/consent/crm-sync", (string id, InMemoryConsentStore consents) =>
{
    consents.Withdraw(id, CrmShare.Purpose, CrmShare.Recipient);
    return Results.NoContent();
});

app.MapPost("/customers/{id}/share/crm", async (string id, CrmShare share, IPartnerCrm crm, CustomerStore customers, CancellationToken ct) =>
{
    var customer = customers.Find(id);
    if (customer is null)
    {
        return Results.NotFound();
    }

    if (!share.MayShare(customer.Id, ["name", "email"], out var decision))
    {
        return Results.Json(new { title = "Sharing refused by the policy", explanation = decision.Explain() }, statusCode: 403);
    }

    await crm.PushContactAsync(new CrmContact(customer.Id, customer.Name, customer.Email), ct);
    return Results.Ok();
});

app.Run();
