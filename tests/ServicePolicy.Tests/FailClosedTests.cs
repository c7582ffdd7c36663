namespace ServicePolicy.Tests;

using ServicePolicy.Core.Model;

/// <summary>A policy that cannot be loaded or compiled denies everything, unless the application opts out.</summary>
public sealed class FailClosedTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sp-failclosed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_policy_file_denies_every_action_naming_the_error()
    {
        var engine = PolicyEngine.FromFile(Path.Combine(_directory, "nope.yaml"));

        Assert.True(engine.IsFailClosed);
        var decision = engine.ShareData(new DataShareRequest("c", "r", "p", Array.Empty<string>()));
        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("engine.policy-not-loaded", violation.RuleId);
        Assert.Contains("nope.yaml", violation.Message, StringComparison.Ordinal);
        Assert.Contains("not found", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_with_a_syntax_error_denies_with_the_file_line_and_column()
    {
        var path = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(path, "apiVersion: servicepolicy/v1\nrules:\n  - id: [unclosed\n");
        var logs = new CapturingLoggerProvider();

        var engine = PolicyEngine.FromFile(path, new PolicyEngineOptions { LoggerFactory = logs });
        var decision = engine.RouteTicket(new { });

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Matches(@"broken\.yaml:\d+:\d+", decision.Violations[0].Message);
        Assert.NotEmpty(engine.LoadErrors);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Text.Contains("broken.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void An_application_may_opt_to_fail_open_and_still_sees_a_warning()
    {
        var engine = PolicyEngine.FromFile(Path.Combine(_directory, "nope.yaml"), new PolicyEngineOptions { FailOpenOnLoadError = true });

        var decision = engine.RouteTicket(new { });

        Assert.False(engine.IsFailClosed);
        Assert.Equal(DecisionEffect.Allow, decision.Effect);
        Assert.Equal("engine.policy-not-loaded", decision.Violations[0].RuleId);
        Assert.Equal(Severity.Warning, decision.Violations[0].Severity);
    }

    [Fact]
    public void FailClosed_can_be_built_from_load_errors_directly()
    {
        var errors = new[] { new Core.Loading.PolicyError("yaml-syntax", "Bad indentation.", new SourceLocation("p.yaml", 3, 5)) };

        var decision = PolicyEngine.FailClosed(errors).Evaluate("data.share", null);

        Assert.Equal(DecisionEffect.Deny, decision.Effect);
        Assert.Contains("p.yaml:3:5", decision.Violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("p.yaml:3:5", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_routing_table_that_tests_a_protected_attribute_does_not_compile()
    {
        var policy = InlinePolicy.LoadUnvalidated("""
            classification:
              protectedAttributes:
                - id: gender
                  fields: [gender]
            routing:
              - id: queues
                action: ticket.route
                routes:
                  - when: {field: customer.gender, op: eq, value: female}
                    result: special
                default: general
            """);

        var error = Assert.Throws<PolicyCompilationException>(() => PolicyEngine.Create(policy));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("protected-attribute-in-decision", problem.Code);
        Assert.Contains("customer.gender", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Location.Line > 0);
    }

    [Fact]
    public void Without_a_rule_about_protected_input_the_engine_refuses_it_itself()
    {
        var engine = InlinePolicy.Engine("""
            classification:
              protectedAttributes:
                - id: age
                  fields: [age, dateOfBirth]
            routing:
              - id: queues
                action: ticket.route
                routes:
                  - when: {field: ticket.category, op: eq, value: billing}
                    result: billing
                default: general
            """);

        var refused = engine.RouteTicket(new Dictionary<string, object?> { ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" }, ["customer"] = new Dictionary<string, object?> { ["age"] = "seventy-one" } });
        var fine = engine.RouteTicket(new Dictionary<string, object?> { ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" } });

        Assert.Equal(DecisionEffect.Deny, refused.Effect);
        Assert.Equal("engine.protected-input", refused.Violations[0].RuleId);
        Assert.Contains("customer.age", refused.Violations[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seventy-one", refused.Explain(), StringComparison.Ordinal);
        Assert.Equal(DecisionEffect.Allow, fine.Effect);
        Assert.Equal("billing", fine.Result);
    }
}
