namespace SupportDesk.Demo;

using System.Net;
using System.Text;
using System.Text.Json;

/// <summary>
/// The scripted tour of the desk, one principle at a time: each request, the status it got, and
/// for every refusal or obligation the policy's decision with its explanation. Request bodies are
/// JSON text so that the transcript shows exactly what was sent. Returns 0 when every status was
/// the expected one, 1 otherwise (each surprise is marked UNEXPECTED).
/// </summary>
public sealed class DemoScript
{
    private readonly HttpClient _client;
    private readonly TextWriter _out;
    private readonly TimeProvider _clock;
    private int _steps;
    private int _unexpected;

    /// <param name="client">An HTTP client whose base address is the desk.</param>
    /// <param name="output">Where the transcript goes.</param>
    /// <param name="clock">The desk's clock, so that promised due times are relative to the desk's "now".</param>
    public DemoScript(HttpClient client, TextWriter output, TimeProvider? clock = null)
    {
        _client = client;
        _out = output;
        _clock = clock ?? TimeProvider.System;
    }

    public async Task<int> RunAsync()
    {
        var policy = await Send("Which policy is in force", HttpMethod.Get, "/policy", null, HttpStatusCode.OK, quiet: true);
        _out.WriteLine($"Policy in force: {Text(policy, "name")} {Text(policy, "version")}{(Text(policy, "failClosed") == "true" ? " (FAILED TO LOAD: every request is refused)" : "")}");

        Section("P1 Privacy: a customer is shared with the partner CRM only with her consent");
        var maria = Text(await Send("Register María", HttpMethod.Post, "/customers",
            """{"name":"María López","email":"maria.lopez@example.com","phone":"+34 600 000 001","language":"es","gender":"female","dateOfBirth":"1961-03-14","nationality":"ES"}""",
            HttpStatusCode.Created), "id");
        await Send("Share her contact card with the partner CRM (no consent yet)", HttpMethod.Post, $"/customers/{maria}/share/crm", null, HttpStatusCode.Forbidden);
        await Send("She consents to crm-sync for the CRM provider", HttpMethod.Put, $"/customers/{maria}/consents/crm-sync?recipient=crm-provider", null, HttpStatusCode.NoContent);
        await Send("Share again, asking for her ticket history too", HttpMethod.Post, $"/customers/{maria}/share/crm", """{"fields":["name","email","phone","ticketHistory"]}""", HttpStatusCode.OK);
        await Send("She withdraws her consent", HttpMethod.Delete, $"/customers/{maria}/consents/crm-sync?recipient=crm-provider", null, HttpStatusCode.NoContent);
        await Send("Share once more", HttpMethod.Post, $"/customers/{maria}/share/crm", null, HttpStatusCode.Forbidden);

        Section("P2 Fair treatment: two customers who differ only in protected traits get the same queue and priority");
        var john = Text(await Send("Register John: same language, different gender, age, origin, religion", HttpMethod.Post, "/customers",
            """{"name":"John Smith","email":"john.smith@example.com","language":"es","gender":"male","dateOfBirth":"1994-07-02","nationality":"GB","religion":"none"}""",
            HttpStatusCode.Created), "id");
        var mariaTicket = await Send("María opens a billing ticket", HttpMethod.Post, "/tickets", $$"""{"customerId":"{{maria}}","category":"billing","subject":"Charged twice","channel":"email"}""", HttpStatusCode.Created);
        var johnTicket = await Send("John opens the same billing ticket", HttpMethod.Post, "/tickets", $$"""{"customerId":"{{john}}","category":"billing","subject":"Charged twice","channel":"email"}""", HttpStatusCode.Created);
        Compare(mariaTicket, johnTicket);
        var ticket = Text(mariaTicket, "id");

        Section("P3 Honesty and P7 courtesy: replies in every language are checked before they are sent");
        await Send("Spanish reply with a guarantee", HttpMethod.Post, $"/tickets/{ticket}/replies", """{"text":"Le devolvemos el dinero: es un reembolso garantizado y sin riesgo.","language":"es"}""", (HttpStatusCode)422);
        await Send("Italian reply promising no risk", HttpMethod.Post, $"/tickets/{ticket}/replies", """{"text":"Con il nuovo piano è tutto senza rischi, glielo assicuro.","language":"it"}""", (HttpStatusCode)422);
        await Send("Russian reply calling the customer a fool", HttpMethod.Post, $"/tickets/{ticket}/replies", """{"text":"Только дурак мог так ошибиться с оплатой.","language":"ru"}""", (HttpStatusCode)422);
        await Send("Courteous Spanish reply", HttpMethod.Post, $"/tickets/{ticket}/replies", """{"text":"Gracias por avisarnos. Hemos anulado el cargo duplicado; lo verá en su cuenta en 3 a 5 días hábiles.","language":"es"}""", HttpStatusCode.Created);

        Section("P8 Empowerment within limits: agents refund up to their limit, above it a supervisor approves");
        await Send("Agent a-1 refunds 80 EUR", HttpMethod.Post, $"/tickets/{ticket}/refunds", """{"agentId":"a-1","amount":80,"currency":"EUR","reason":"Duplicate charge"}""", HttpStatusCode.Created);
        await Send("Agent a-1 refunds 250 EUR", HttpMethod.Post, $"/tickets/{ticket}/refunds", """{"agentId":"a-1","amount":250,"currency":"EUR","reason":"Damaged item"}""", HttpStatusCode.Accepted);
        await Send("The same refund, approved by supervisor s-3", HttpMethod.Post, $"/tickets/{ticket}/refunds", """{"agentId":"a-1","amount":250,"currency":"EUR","reason":"Damaged item","approvedBy":"s-3"}""", HttpStatusCode.Created);

        Section("P6 Complaints: acknowledged at once, closed only with a resolution, an investigation and a notice");
        var complaint = Text(await Send("María complains about the double charge", HttpMethod.Post, $"/tickets/{ticket}/complaints", null, HttpStatusCode.Created), "id");
        await Send("Close it straight away", HttpMethod.Post, $"/complaints/{complaint}/close", """{"companyAtFault":true}""", HttpStatusCode.Conflict);
        await Send("Tell her the outcome, with an apology", HttpMethod.Post, $"/complaints/{complaint}/notice",
            """{"text":"Lamentamos el error: le cobramos dos veces. Ya hemos devuelto el importe duplicado.","apology":true}""", HttpStatusCode.Created);
        await Send("Close it with the resolution and what was investigated", HttpMethod.Post, $"/complaints/{complaint}/close",
            """{"resolution":"Duplicate charge refunded.","investigation":"A payment retry charged the card twice; the retry bug is reported to the payments team.","companyAtFault":true}""",
            HttpStatusCode.OK);

        Section("P4 Commitment: a promised call-back has an owner and a due time within 72 hours");
        var now = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().ToUnixTimeSeconds() / 60 * 60 + 60);
        await Send("Promise a call-back in ten days", HttpMethod.Post, $"/tickets/{ticket}/follow-ups", $$"""{"owner":"a-1","dueAt":"{{now.AddDays(10):yyyy-MM-ddTHH:mm:ssZ}}","channel":"phone"}""", (HttpStatusCode)422);
        await Send("Promise a call-back tomorrow", HttpMethod.Post, $"/tickets/{ticket}/follow-ups", $$"""{"owner":"a-1","dueAt":"{{now.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}}","channel":"phone"}""", HttpStatusCode.Created);

        _out.WriteLine();
        _out.WriteLine(_unexpected == 0
            ? $"Demo finished: {_steps} requests, every answer as expected."
            : $"Demo finished: {_steps} requests, {_unexpected} UNEXPECTED answer(s).");
        return _unexpected == 0 ? 0 : 1;
    }

    private void Section(string title)
    {
        _out.WriteLine();
        _out.WriteLine($"== {title}");
    }

    private async Task<JsonElement?> Send(string title, HttpMethod method, string path, string? json, HttpStatusCode expected, bool quiet = false)
    {
        _steps++;
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? body = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false)
            ? JsonDocument.Parse(text).RootElement.Clone()
            : null;
        var asExpected = response.StatusCode == expected;
        if (!asExpected)
        {
            _unexpected++;
        }

        if (quiet && asExpected)
        {
            return body;
        }

        _out.WriteLine();
        _out.WriteLine($"-- {title}");
        _out.WriteLine($"   {method} {path}{(json != null ? "  " + json : "")}");
        _out.WriteLine($"   => {(int)response.StatusCode} {response.ReasonPhrase}{(asExpected ? "" : $"   UNEXPECTED (expected {(int)expected})")}");
        DescribeOutcome(body);
        return body;
    }

    /// <summary>The decision of a refusal (its violations, remedies and the facts behind them) or of an allowed request.</summary>
    private void DescribeOutcome(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            return;
        }

        if (root.TryGetProperty("type", out _))
        {
            // A problem document: a refusal by the policy (with its decision) or the desk's own error.
            _out.WriteLine($"   {Text(root, "title")}{(root.TryGetProperty("decision", out _) ? "" : ": " + Text(root, "detail"))}");
        }

        foreach (var name in new[] { "shared", "dropped", "queue", "priority", "status", "feedbackRequested" })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Number)
            {
                _out.WriteLine($"   {name}: {Flat(value)}");
            }
        }

        if (root.TryGetProperty("decision", out var decision))
        {
            DescribeDecision(decision);
        }
    }

    private void DescribeDecision(JsonElement decision)
    {
        _out.WriteLine($"   decision {Text(decision, "action")} -> {Text(decision, "effect")} (policy {Text(decision, "policy")})");
        foreach (var violation in decision.GetProperty("violations").EnumerateArray())
        {
            _out.WriteLine($"     violation {Text(violation, "ruleId")} [{Text(violation, "principle")}]: {Text(violation, "message")}");
            _out.WriteLine($"       remedy: {Text(violation, "remediation")}");
        }

        foreach (var obligation in decision.GetProperty("obligations").EnumerateArray())
        {
            var approval = obligation.GetProperty("approval").GetBoolean() ? " (do not proceed until approved)" : "";
            _out.WriteLine($"     obligation {Text(obligation, "name")}{approval}: {Text(obligation, "message")}");
        }

        if (Text(decision, "effect") != "deny")
        {
            return;
        }

        // Why it was refused: the facts the engine derived, leaving out the empty ones.
        foreach (var fact in decision.GetProperty("facts").EnumerateArray())
        {
            var value = Text(fact, "value");
            if (value.Length > 0 && value != "[]")
            {
                _out.WriteLine($"     because {Text(fact, "name")} = {value}");
            }
        }
    }

    private void Compare(JsonElement? first, JsonElement? second)
    {
        var a = $"{Text(first, "queue")}/{Text(first, "priority")}";
        var b = $"{Text(second, "queue")}/{Text(second, "priority")}";
        _out.WriteLine();
        if (a == b)
        {
            _out.WriteLine($"   same queue and priority for both: {a}");
        }
        else
        {
            _unexpected++;
            _out.WriteLine($"   UNEXPECTED: different treatment ({a} vs {b})");
        }
    }

    private static string Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var value) ? Flat(value) : "";

    private static string Flat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Flat)) + "]",
        _ => value.GetRawText(),
    };
}
