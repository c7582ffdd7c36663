namespace SupportDesk.Tests;

using SupportDesk.Sharing;

/// <summary>P1 over HTTP: a customer reaches the partner CRM only with consent, and never after withdrawing it.</summary>
public sealed class ConsentSharingTests
{
    [Fact]
    public async Task Share_without_consent_is_refused_with_403_and_the_decisions_explanation()
    {
        await using var desk = await TestDesk.StartAsync();
        var (customer, _) = await desk.CustomerWithTicketAsync();

        var reply = await desk.PostAsync($"/customers/{customer}/share/crm");

        Assert.Equal(403, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal("deny", reply.Effect);
        Assert.Contains("P1-share-needs-consent", reply.ViolationIds);
        Assert.Contains("consent.missing", reply.Explanation);
        Assert.Contains("crm-sync", reply.Text("detail"));
        Assert.Empty(desk.Get<SimulatedPartnerCrm>().Received);
    }

    [Fact]
    public async Task Consent_granted_allows_the_share_and_withdrawn_refuses_it_again()
    {
        await using var desk = await TestDesk.StartAsync();
        var (customer, _) = await desk.CustomerWithTicketAsync();
        var crm = desk.Get<SimulatedPartnerCrm>();

        Assert.Equal(204, (await desk.SendAsync(HttpMethod.Put, $"/customers/{customer}/consents/crm-sync?recipient=crm-provider")).Status);
        var allowed = await desk.PostAsync($"/customers/{customer}/share/crm");
        Assert.Equal(200, allowed.Status);
        Assert.Equal(new[] { "name", "email", "phone" }, allowed.Body.GetProperty("shared").EnumerateArray().Select(f => f.GetString()));
        var card = Assert.Single(crm.Received);
        Assert.Equal("test.customer@example.com", card.Email);

        Assert.Equal(204, (await desk.SendAsync(HttpMethod.Delete, $"/customers/{customer}/consents/crm-sync?recipient=crm-provider")).Status);
        var refused = await desk.PostAsync($"/customers/{customer}/share/crm");
        Assert.Equal(403, refused.Status);
        Assert.Contains("P1-withdrawn-consent", refused.ViolationIds);
        Assert.Single(crm.Received);
    }

    [Fact]
    public async Task One_customers_consent_does_not_cover_another()
    {
        await using var desk = await TestDesk.StartAsync();
        var (first, _) = await desk.CustomerWithTicketAsync();
        var (second, _) = await desk.CustomerWithTicketAsync();
        await desk.SendAsync(HttpMethod.Put, $"/customers/{first}/consents/crm-sync?recipient=crm-provider");

        Assert.Equal(200, (await desk.PostAsync($"/customers/{first}/share/crm")).Status);
        Assert.Equal(403, (await desk.PostAsync($"/customers/{second}/share/crm")).Status);
    }

    [Fact]
    public async Task Fields_the_purpose_does_not_need_are_dropped_before_the_card_leaves()
    {
        await using var desk = await TestDesk.StartAsync();
        var (customer, _) = await desk.CustomerWithTicketAsync();
        await desk.SendAsync(HttpMethod.Put, $"/customers/{customer}/consents/crm-sync");

        var reply = await desk.PostAsync($"/customers/{customer}/share/crm", new { fields = new[] { "email", "ticketHistory" } });

        Assert.Equal(200, reply.Status);
        Assert.Contains("drop-unneeded-fields", reply.ObligationNames);
        Assert.Equal(new[] { "ticketHistory" }, reply.Body.GetProperty("dropped").EnumerateArray().Select(f => f.GetString()));
        var card = Assert.Single(desk.Get<SimulatedPartnerCrm>().Received);
        Assert.Null(card.TicketHistory);
        Assert.Equal("test.customer@example.com", card.Email);
    }

    [Fact]
    public async Task A_consent_for_a_purpose_the_policy_does_not_define_is_a_bad_request()
    {
        await using var desk = await TestDesk.StartAsync();
        var (customer, _) = await desk.CustomerWithTicketAsync();

        var reply = await desk.SendAsync(HttpMethod.Put, $"/customers/{customer}/consents/everything");

        Assert.Equal(400, reply.Status);
        Assert.Contains("crm-sync", reply.Text("detail"));
    }

    [Fact]
    public async Task Unknown_customers_and_fields_are_reported_not_shared()
    {
        await using var desk = await TestDesk.StartAsync();
        var (customer, _) = await desk.CustomerWithTicketAsync();

        Assert.Equal(404, (await desk.PostAsync("/customers/c-404/share/crm")).Status);
        Assert.Equal(400, (await desk.PostAsync($"/customers/{customer}/share/crm", new { fields = new[] { "password" } })).Status);
        Assert.Empty(desk.Get<SimulatedPartnerCrm>().Received);
    }

    [Fact]
    public async Task A_desk_whose_policy_cannot_be_read_refuses_every_share()
    {
        await using var desk = await TestDesk.StartAsync(policyPath: Path.Combine(Path.GetTempPath(), "no-such-servicepolicy-file.yaml"));
        var (customer, _) = await desk.CustomerWithTicketAsync();

        var status = await desk.SendAsync(HttpMethod.Get, "/policy");
        Assert.Equal("true", status.Text("failClosed"));
        await desk.SendAsync(HttpMethod.Put, $"/customers/{customer}/consents/crm-sync");
        var reply = await desk.PostAsync($"/customers/{customer}/share/crm");
        Assert.Equal(403, reply.Status);
        Assert.Empty(desk.Get<SimulatedPartnerCrm>().Received);
    }
}
