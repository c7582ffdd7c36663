namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>Personal values never appear in explanations, messages, obligation details or logs.</summary>
public sealed class RedactionTests
{
    private const string Policy = """
        classification:
          categories:
            - id: contact
              fields: [email, customer.phone]
        actions:
          - name: contact.update
            fields:
              email: text
              customer.phone: text
              reason: text
        rules:
          - id: P1-no-free-mail
            principle: P1
            action: contact.update
            effect: deny
            message: "The address {email} (phone {customer.phone}) is refused because {reason}."
            when:
              field: email
              op: ends-with
              value: "@freemail.example"
          - id: P10-audit
            principle: P10
            action: contact.update
            effect: obligation
            obligation: audit
            when:
              field: customer.phone
              op: exists
        """;

    private static readonly Dictionary<string, object?> Input = new()
    {
        ["email"] = "alice.secret@freemail.example",
        ["customer"] = new Dictionary<string, object?> { ["phone"] = "+44 7700 900123" },
        ["reason"] = "free mail providers are not allowed",
    };

    [Fact]
    public void Explanations_messages_and_details_show_personal_values_as_stars()
    {
        var decision = InlinePolicy.Engine(Policy).Evaluate("contact.update", Input);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var text = decision.Explain();
        Assert.DoesNotContain("alice.secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7700", text, StringComparison.Ordinal);
        Assert.Contains("email ends-with @freemail.example   (actual: ***)", text, StringComparison.Ordinal);
        Assert.Equal("The address *** (phone ***) is refused because free mail providers are not allowed.", decision.Violations[0].Message);
        Assert.Equal("***", decision.Obligations.Single().Details["customer.phone"]);
    }

    [Fact]
    public void The_decision_log_has_ids_rules_and_version_but_no_input_values()
    {
        var logs = new CapturingLoggerProvider();
        var engine = PolicyEngine.Create(InlinePolicy.Load(Policy), new PolicyEngineOptions { LoggerFactory = logs });

        var decision = engine.Evaluate("contact.update", Input);

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 1000);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        var values = entry.Values.ToDictionary(v => v.Key, v => v.Value);
        Assert.Equal(decision.Id, values["DecisionId"]);
        Assert.Equal("contact.update", values["Action"]);
        Assert.Equal("deny", values["Effect"]);
        Assert.Equal("P1-no-free-mail,P10-audit", values["RulesFired"]);
        Assert.Equal("1.0", values["PolicyVersion"]);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("alice", StringComparison.Ordinal) || e.Text.Contains("7700", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_personal_values_are_shown()
    {
        var decision = InlinePolicy.Engine(Policy).Evaluate("contact.update", new Dictionary<string, object?> { ["email"] = "bob@work.example", ["reason"] = "x" });

        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Contains("customer.phone exists   (actual: (missing))", decision.Explain(), StringComparison.Ordinal);
    }
}
