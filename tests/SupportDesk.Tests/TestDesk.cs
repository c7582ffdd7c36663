namespace SupportDesk.Tests;

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// One SupportDesk app on an in-memory TestServer, with its own records, a fixed clock and the
/// repository's policy, driven over HTTP exactly like the real thing.
/// </summary>
public sealed class TestDesk : IAsyncDisposable
{
    /// <summary>The clock every test desk starts at unless told otherwise.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private TestDesk(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestDesk> StartAsync(string? policyPath = null)
    {
        var args = policyPath == null ? Array.Empty<string>() : new[] { $"--{SupportDeskApp.PolicyPathKey}={policyPath}" };
        var builder = SupportDeskApp.CreateBuilder(args);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Start));
        var app = SupportDeskApp.Build(builder);
        await app.StartAsync();
        return new TestDesk(app);
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body != null)
        {
            request.Content = body is string json ? new StringContent(json, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<Reply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public async Task<string> RegisterAsync(object customer)
    {
        var reply = await PostAsync("/customers", customer);
        Assert.Equal(201, reply.Status);
        return reply.Text("id");
    }

    /// <summary>A customer with a contact card, and a ticket of theirs; returns both ids.</summary>
    public async Task<(string Customer, string Ticket)> CustomerWithTicketAsync(string language = "en", string category = "billing")
    {
        var customer = await RegisterAsync(new { name = "Test Customer", email = "test.customer@example.com", phone = "+34 600 000 000", language });
        var ticket = await PostAsync("/tickets", new { customerId = customer, category, subject = "Test ticket", channel = "email" });
        Assert.Equal(201, ticket.Status);
        return (customer, ticket.Text("id"));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A status and a JSON body, with the accessors the tests need.</summary>
public sealed record Reply(int Status, string? MediaType, JsonElement Body)
{
    /// <summary>A property as text: strings as they are, anything else as its JSON (true, 42, [..]); "" when absent.</summary>
    public string Text(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : "";

    public JsonElement Decision => Body.GetProperty("decision");

    public IReadOnlyList<string> ViolationIds => Decision.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("ruleId").GetString()!).ToList();

    public IReadOnlyList<string> ObligationNames => Decision.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToList();

    public string Effect => Decision.GetProperty("effect").GetString()!;

    public string Explanation => Decision.GetProperty("explanation").GetString() ?? "";

    public override string ToString() => $"{Status} {Body}";
}

/// <summary>A clock that says what it is told: decisions about deadlines are then reproducible.</summary>
public sealed class FixedClock : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedClock(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}
