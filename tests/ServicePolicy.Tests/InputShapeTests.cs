namespace ServicePolicy.Tests;

using System.Text.Json;

/// <summary>Plain objects, dictionaries and JSON give identical decisions.</summary>
public sealed class InputShapeTests
{
    private sealed class Customer
    {
        public string? Id { get; set; }

        public string? Tier { get; set; }

        public decimal? Spend { get; set; }
    }

    private sealed class Ticket
    {
        public string? Id { get; set; }

        public string? Category { get; set; }

        public string? Language { get; set; }

        public bool IsComplaint { get; set; }
    }

    private sealed class RoutingInput
    {
        public Customer Customer { get; set; } = new();

        public Ticket Ticket { get; set; } = new();
    }

    public static IEnumerable<object[]> Cases()
    {
        yield return new object[] { "billing", "en", false, null! };
        yield return new object[] { "other", "it", false, null! };
        yield return new object[] { "other", "en", true, 5000m };
        yield return new object[] { "technical", "ru", true, null! };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Routing_is_the_same_for_objects_dictionaries_json_and_records(string category, string language, bool complaint, decimal? spend)
    {
        var engine = SeedPack.Engine();
        var poco = new RoutingInput { Customer = new Customer { Id = "c-1", Spend = spend }, Ticket = new Ticket { Id = "t-1", Category = category, Language = language, IsComplaint = complaint } };
        var record = new TicketRouteRequest(new CustomerFacts(Id: "c-1", Spend: spend), new TicketFacts(Id: "t-1", Category: category, Language: language, IsComplaint: complaint));
        var customer = new Dictionary<string, object?> { ["id"] = "c-1" };
        if (spend != null)
        {
            customer["spend"] = spend;
        }

        var dictionary = new Dictionary<string, object?>
        {
            ["customer"] = customer,
            ["ticket"] = new Dictionary<string, object?> { ["id"] = "t-1", ["category"] = category, ["language"] = language, ["isComplaint"] = complaint },
        };
        var flat = new Dictionary<string, object?>
        {
            ["customer.id"] = "c-1",
            ["ticket.id"] = "t-1",
            ["ticket.category"] = category,
            ["ticket.language"] = language,
            ["ticket.isComplaint"] = complaint,
        };
        if (spend != null)
        {
            flat["customer.spend"] = spend;
        }

        var json = JsonSerializer.SerializeToElement(dictionary);
        using var document = JsonDocument.Parse(json.GetRawText());

        var decisions = new[] { poco, (object)record, dictionary, flat, json, document }.Select(i => engine.RouteTicket(i)).ToList();

        foreach (var decision in decisions)
        {
            Assert.Equal(decisions[0].Effect, decision.Effect);
            Assert.Equal(decisions[0].Result, decision.Result);
            Assert.Equal(decisions[0].FiredRules, decision.FiredRules);
            Assert.Equal(decisions[0].Violations.Select(v => v.Message), decision.Violations.Select(v => v.Message));
        }
    }

    [Fact]
    public void Data_share_is_the_same_for_a_record_a_dictionary_and_json()
    {
        var consents = new InMemoryConsentStore();
        consents.Grant("c-1", "crm-sync");
        consents.Grant("c-1", "payment-processing");
        var engine = SeedPack.Engine(consents);
        var record = new DataShareRequest("c-1", "crm-provider", "crm-sync", new[] { "email", "iban" });
        var dictionary = new Dictionary<string, object?> { ["subject"] = "c-1", ["recipient"] = "crm-provider", ["purpose"] = "crm-sync", ["fields"] = new List<object?> { "email", "iban" } };
        var json = JsonDocument.Parse("""{"subject":"c-1","recipient":"crm-provider","purpose":"crm-sync","fields":["email","iban"]}""").RootElement;

        var decisions = new object[] { record, dictionary, json }.Select(i => engine.Evaluate("data.share", i)).ToList();

        Assert.All(decisions, d => Assert.Equal(decisions[0].Effect, d.Effect));
        Assert.All(decisions, d => Assert.Equal(decisions[0].FiredRules, d.FiredRules));
        Assert.All(decisions, d => Assert.Equal(decisions[0].Obligations.Select(o => o.ToString()), d.Obligations.Select(o => o.ToString())));
        Assert.Equal(Core.Model.DecisionEffect.AllowWithObligations, decisions[0].Effect);
        Assert.Contains("drop-unneeded-fields", decisions[0].Obligations.Select(o => o.Name));
    }

    private struct MoneyStruct
    {
        public decimal Amount;
        public string AgentRole;
        public string Reason;
    }

    [Fact]
    public void Fields_and_structs_are_read_like_properties()
    {
        var engine = SeedPack.Engine();

        var decision = engine.Evaluate("refund.issue", new MoneyStruct { Amount = 150m, AgentRole = "agent", Reason = "late" });

        Assert.True(decision.RequiresApproval);
    }

    [Fact]
    public void Member_names_match_ignoring_case_and_flattened_dotted_paths()
    {
        var engine = SeedPack.Engine(now: SeedPack.Now);

        var decision = engine.Evaluate("complaint.acknowledge", new { complaintId = "k-1", RECEIVEDAT = SeedPack.Now.AddDays(-3) });

        Assert.Contains("P6-acknowledge-in-time", decision.FiredRules);
    }

    [Fact]
    public void Dates_as_iso_text_and_durations_compare_like_typed_values()
    {
        var engine = SeedPack.Engine(now: SeedPack.Now);

        var typed = engine.Evaluate("response.first", new Dictionary<string, object?> { ["channel"] = "chat", ["receivedAt"] = SeedPack.Now.AddMinutes(-30) });
        var text = engine.Evaluate("response.first", new Dictionary<string, object?> { ["channel"] = "chat", ["receivedAt"] = SeedPack.Now.AddMinutes(-30).ToString("O") });
        var utcDateTime = engine.Evaluate("response.first", new Dictionary<string, object?> { ["channel"] = "chat", ["receivedAt"] = SeedPack.Now.AddMinutes(-30).UtcDateTime });

        Assert.Contains("P5-first-response-in-time", typed.FiredRules);
        Assert.Equal(typed.FiredRules, text.FiredRules);
        Assert.Equal(typed.FiredRules, utcDateTime.FiredRules);
    }
}
