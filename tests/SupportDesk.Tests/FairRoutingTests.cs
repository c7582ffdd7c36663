namespace SupportDesk.Tests;

/// <summary>
/// P2 over HTTP: customers who differ only in protected attributes (gender, ethnicity, religion,
/// age, origin, disability) get the same queue and the same priority for the same ticket.
/// </summary>
public sealed class FairRoutingTests
{
    private static readonly string[] Languages = { "en", "es", "it", "ru", "de" };
    private static readonly string[] Categories = { "billing", "technical", "delivery", "outage", "question", "security" };
    private static readonly string[] Channels = { "email", "chat", "phone", "webform", "social" };
    private static readonly string?[] Genders = { "female", "male", "non-binary", null };
    private static readonly string?[] Ethnicities = { "roma", "arab", "white", "black", "asian", null };
    private static readonly string?[] Religions = { "muslim", "christian", "jewish", "hindu", "none", null };
    private static readonly string?[] Nationalities = { "ES", "MA", "RO", "IT", "RU", "NG", null };
    private static readonly string?[] Disabilities = { "visual", "hearing", "mobility", null };

    [Fact]
    public async Task Two_hundred_pairs_differing_only_in_protected_attributes_are_routed_identically()
    {
        await using var desk = await TestDesk.StartAsync();
        var random = new Random(20260302);
        var outcomes = new HashSet<string>();

        for (var pair = 0; pair < 200; pair++)
        {
            var language = Pick(random, Languages);
            var ticket = new
            {
                category = Pick(random, Categories),
                channel = Pick(random, Channels),
                isComplaint = random.Next(4) == 0,
                subject = $"Ticket {pair}",
            };

            var first = await RouteAsync(desk, Customer(random, pair, language), ticket);
            var second = await RouteAsync(desk, Customer(random, pair, language), ticket);

            Assert.True(first == second, $"pair {pair} ({ticket}): {first} vs {second}");
            outcomes.Add(first);
        }

        // The pairs cover the routing table, so equality is not the trivial "everyone goes to one queue".
        Assert.True(outcomes.Count >= 6, $"only {outcomes.Count} distinct queue/priority outcomes: {string.Join(", ", outcomes)}");
    }

    [Fact]
    public async Task The_routing_answer_explains_the_queue_and_never_mentions_the_customers_traits()
    {
        await using var desk = await TestDesk.StartAsync();
        var customer = await desk.RegisterAsync(new { name = "Aisha Khan", email = "aisha@example.com", language = "it", gender = "female", religion = "muslim", nationality = "PK" });

        var reply = await desk.PostAsync("/tickets", new { customerId = customer, category = "delivery", subject = "Where is my parcel?" });

        Assert.Equal(201, reply.Status);
        Assert.Equal("support-it", reply.Text("queue"));
        Assert.Equal("normal", reply.Text("priority"));
        var routing = reply.Body.GetProperty("routing");
        Assert.Equal("allow", routing.GetProperty("effect").GetString());
        Assert.DoesNotContain("muslim", reply.Body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("female", reply.Body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The same name, contact and language for both members of a pair; only the protected traits are drawn anew.</summary>
    private static object Customer(Random random, int pair, string language) => new
    {
        name = $"Customer {pair}",
        email = $"customer{pair}@example.com",
        language,
        gender = Pick(random, Genders),
        ethnicity = Pick(random, Ethnicities),
        religion = Pick(random, Religions),
        dateOfBirth = new DateOnly(1930 + random.Next(80), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd"),
        nationality = Pick(random, Nationalities),
        disability = Pick(random, Disabilities),
    };

    private static async Task<string> RouteAsync(TestDesk desk, object customer, object ticket)
    {
        var id = await desk.RegisterAsync(customer);
        var reply = await desk.PostAsync("/tickets", MergeCustomer(ticket, id));
        Assert.Equal(201, reply.Status);
        return $"{reply.Text("queue")}/{reply.Text("priority")}";
    }

    private static Dictionary<string, object?> MergeCustomer(object ticket, string customerId)
    {
        var fields = ticket.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(ticket));
        fields["customerId"] = customerId;
        return fields;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
