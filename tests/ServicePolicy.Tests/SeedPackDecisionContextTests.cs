namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>Routing, prioritisation and pricing against the seed pack (P2).</summary>
public sealed class SeedPackDecisionContextTests
{
    [Theory]
    [InlineData("billing", "en", false, "billing")]
    [InlineData("technical", "en", false, "technical")]
    [InlineData("other", "es", false, "support-es")]
    [InlineData("other", "ru", false, "support-ru")]
    [InlineData("billing", "en", true, "complaints")]
    [InlineData("other", "en", false, "general")]
    public void Routing_follows_the_table_in_order(string category, string language, bool complaint, string queue)
    {
        var decision = SeedPack.Engine().RouteTicket(new TicketRouteRequest(new CustomerFacts(Id: "c-1"), new TicketFacts(Category: category, Language: language, IsComplaint: complaint)));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Equal(queue, decision.Result);
    }

    [Fact]
    public void A_protected_attribute_in_routing_input_is_refused_and_named()
    {
        var input = new Dictionary<string, object?>
        {
            ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" },
            ["customer"] = new Dictionary<string, object?> { ["id"] = "c-1", ["gender"] = "female" },
        };

        var decision = SeedPack.Engine().RouteTicket(input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("P2-no-protected-attributes-in-decisions", violation.RuleId);
        Assert.Contains("customer.gender", violation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("female", decision.Explain(), StringComparison.Ordinal);
    }

    private sealed record CarelessCustomer(string Id, string Gender, string Tier);

    private sealed record CarelessTicket(string Category);

    private sealed record CarelessRouting(CarelessCustomer Customer, CarelessTicket Ticket);

    [Fact]
    public void A_protected_member_of_a_plain_object_is_refused_too()
    {
        var decision = SeedPack.Engine().RouteTicket(new CarelessRouting(new CarelessCustomer("c-1", "male", "gold"), new CarelessTicket("billing")));

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("customer.gender", decision.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Customers_differing_only_in_protected_attributes_never_get_different_queues()
    {
        var engine = SeedPack.Engine();
        var random = new Random(7);
        string[] categories = { "billing", "technical", "other", "outage" };
        string[] languages = { "en", "es", "it", "ru", "de" };
        for (var i = 0; i < 200; i++)
        {
            var ticket = new TicketFacts(Category: categories[random.Next(categories.Length)], Language: languages[random.Next(languages.Length)], IsComplaint: random.Next(4) == 0);
            var plain = engine.RouteTicket(new TicketRouteRequest(new CustomerFacts(Id: "a"), ticket));
            var other = engine.RouteTicket(new TicketRouteRequest(new CustomerFacts(Id: "b"), ticket));
            Assert.Equal(plain.Result, other.Result);
            Assert.Equal(plain.Effect, other.Effect);
        }
    }

    [Fact]
    public void A_complaint_routed_with_spend_in_the_input_is_allowed_with_a_warning()
    {
        var decision = SeedPack.Engine().RouteTicket(new TicketRouteRequest(new CustomerFacts(Id: "c-1", Spend: 12000m), new TicketFacts(Id: "t-7", IsComplaint: true)));

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Equal("complaints", decision.Result);
        var warning = Assert.Single(decision.Violations);
        Assert.Equal("P2-complaints-ignore-spend", warning.RuleId);
        Assert.Equal(RuleEffect.Warn, warning.Effect);
        Assert.Contains("t-7", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outage", false, "urgent")]
    [InlineData("other", true, "high")]
    [InlineData("other", false, "normal")]
    public void Prioritisation_uses_its_own_table(string category, bool complaint, string priority)
    {
        var decision = SeedPack.Engine().PrioritiseTicket(new TicketRouteRequest(new CustomerFacts(), new TicketFacts(Category: category, IsComplaint: complaint)));

        Assert.Equal(priority, decision.Result);
    }

    [Theory]
    [InlineData(150, "volume-discount")]
    [InlineData(5, "list-price")]
    public void Pricing_is_the_same_for_everyone_buying_the_same_quantity(int quantity, string tier)
    {
        var decision = SeedPack.Engine().QuotePrice(new Dictionary<string, object?> { ["product"] = "p-1", ["quantity"] = quantity });

        Assert.True(decision.IsAllowed);
        Assert.Equal(tier, decision.Result);
    }

    [Fact]
    public void The_routing_explanation_shows_each_route_tried()
    {
        var decision = SeedPack.Engine().RouteTicket(new TicketRouteRequest(new CustomerFacts(), new TicketFacts(Category: "technical")));

        var routes = decision.Explanation.Routing;
        Assert.Contains(routes, r => r.Text.StartsWith("route 1 -> complaints", StringComparison.Ordinal) && !r.Held);
        Assert.Contains(routes, r => r.Text.StartsWith("route 3 -> technical", StringComparison.Ordinal) && r.Held);
    }
}
