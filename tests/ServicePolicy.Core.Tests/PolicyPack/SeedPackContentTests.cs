namespace ServicePolicy.Core.Tests.PolicyPack;

using ServicePolicy.Core.Model;
using ServicePolicy.Core.Text;

/// <summary>What the seed pack must hold, beyond loading: every principle, every language, the fairness decisions.</summary>
public class SeedPackContentTests
{
    private const string SeedPack = "policies/service-ethics.yaml";
    private static readonly Lazy<Policy> LazyPolicy = new(() => ShippedPolicyTests.Load(SeedPack));
    private static Policy Policy => LazyPolicy.Value;

    public static TheoryData<string> Principles() => new() { "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10" };

    public static TheoryData<string> Languages() => new() { "en", "es", "it", "ru" };

    [Theory]
    [MemberData(nameof(Principles))]
    public void Every_principle_has_at_least_one_rule(string principle)
    {
        Assert.Contains(Policy.Rules, r => r.Principle == principle && r.Enabled);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_claims_disrespectful_terms_and_promises(string language)
    {
        Assert.True(Policy.Text.Claims.TryGetValue(language, out var claims) && claims.Count >= 8, $"{language}: at least 8 claims");
        Assert.True(Policy.Text.Disrespectful.TryGetValue(language, out var terms) && terms.Count >= 8, $"{language}: at least 8 disrespectful terms");
        Assert.True(Policy.Text.Promises.TryGetValue(language, out var promises) && promises.Count >= 4, $"{language}: at least 4 promise phrases");
    }

    [Fact]
    public void Every_phrase_and_pattern_is_usable_by_the_matcher()
    {
        var matcher = PhraseMatcher.Create(Policy.Text);
        Assert.Empty(matcher.Problems);
        Assert.True(matcher.PatternCount >= 1);
    }

    [Fact]
    public void Every_phrase_is_found_in_a_sentence_that_quotes_it_in_capitals()
    {
        var matcher = PhraseMatcher.Create(Policy.Text);
        var missed = new List<string>();
        foreach (var (kind, byLanguage) in new[] { (PhraseKind.Claim, Policy.Text.Claims), (PhraseKind.Disrespectful, Policy.Text.Disrespectful), (PhraseKind.Promise, Policy.Text.Promises) })
        {
            foreach (var (language, phrases) in byLanguage)
            {
                foreach (var phrase in phrases)
                {
                    // A wildcard word is written out with an ending, as a customer would see it.
                    var text = "«" + phrase.Replace("*", "ы").ToUpperInvariant() + "»!";
                    if (!matcher.Scan(text, language).Matches.Any(m => m.Kind == kind && m.Phrase == phrase))
                    {
                        missed.Add($"{language} {kind}: {phrase}");
                    }
                }
            }
        }

        Assert.True(missed.Count == 0, string.Join("\n", missed));
    }

    [Fact]
    public void Harmless_everyday_sentences_in_every_language_contain_no_banned_phrase()
    {
        var matcher = PhraseMatcher.Create(Policy.Text);
        var sentences = new[]
        {
            "Thank you for your patience; your classic model comes with a two-year guarantee.",
            "We checked your invoice and corrected the amount; the terms are attached.",
            "Gracias por su paciencia. Hemos corregido la factura y le adjuntamos las condiciones.",
            "Grazie per la pazienza. Abbiamo corretto la fattura; le condizioni sono allegate.",
            "Спасибо за терпение. Мы исправили счёт, условия приложены.",
        };
        foreach (var sentence in sentences)
        {
            Assert.True(!matcher.Scan(sentence).HasMatches, sentence + ": " + string.Join(", ", matcher.Scan(sentence).Matches));
        }
    }

    [Fact]
    public void The_protected_attributes_cover_the_traits_named_by_P2()
    {
        var ids = Policy.Classification.ProtectedAttributes.Select(a => a.Id).ToList();
        foreach (var required in new[] { "gender", "ethnicity", "race", "origin", "religion", "age", "disability" })
        {
            Assert.Contains(required, ids);
        }

        Assert.All(Policy.Classification.ProtectedAttributes, a =>
        {
            Assert.NotEmpty(a.Fields);
            Assert.NotEmpty(a.Symbols);
        });
        Assert.All(Policy.Classification.Proxies, p => Assert.Contains(p.StandsFor, ids));
    }

    [Fact]
    public void The_customer_language_is_not_a_protected_attribute_or_proxy_because_routing_needs_it()
    {
        var classified = Policy.Classification.ProtectedAttributes.Cast<ClassifiedItem>()
            .Concat(Policy.Classification.Proxies)
            .SelectMany(item => item.Fields)
            .ToList();
        Assert.DoesNotContain(classified, f => f.EndsWith("language", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Policy.Routing.Single(t => t.Id == "support-queues").Routes, r => r.When?.Field == "ticket.language");
    }

    [Fact]
    public void Complaint_handling_tables_do_not_look_at_what_the_customer_spends()
    {
        var tested = Policy.Routing.SelectMany(t => t.Routes).SelectMany(r => FieldsOf(r.When)).ToList();
        Assert.DoesNotContain("customer.tier", tested);
        Assert.DoesNotContain("customer.spend", tested);
    }

    [Fact]
    public void Different_first_response_deadlines_say_why()
    {
        var firstResponse = Policy.Slas.Where(s => s.Kind == SlaKind.FirstResponse).ToList();
        var usual = firstResponse.GroupBy(s => s.Within).OrderByDescending(g => g.Count()).First().Key;
        Assert.All(firstResponse.Where(s => s.Within != usual), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason), s.Id + " needs a reason"));
        Assert.Contains(Policy.Slas, s => s.Kind == SlaKind.ComplaintAcknowledge && s.Within == TimeSpan.FromHours(24));
        Assert.Contains(Policy.Slas, s => s.Kind == SlaKind.FollowUp && s.Within == TimeSpan.FromHours(72));
        Assert.Contains(Policy.Slas, s => s.Kind == SlaKind.BillingCorrection && s.Within == TimeSpan.FromDays(5));
    }

    [Theory]
    [InlineData("agent", "refund.issue", 100)]
    [InlineData("agent", "credit.issue", 50)]
    [InlineData("senior-agent", "refund.issue", 500)]
    [InlineData("supervisor", "refund.issue", 5000)]
    public void Authority_limits_are_the_agreed_ones(string role, string action, int max)
    {
        var limit = Assert.Single(Policy.Authority, a => a.Role == role && a.Action == action);
        Assert.Equal(max, limit.Max);
        Assert.Equal("EUR", limit.Currency);
    }

    [Fact]
    public void Logs_written_through_ilogger_console_debug_and_trace_are_log_sinks()
    {
        var sinks = Policy.Analyzers.LogSinks.Select(s => s.Method).ToList();
        Assert.Contains("Microsoft.Extensions.Logging.LoggerExtensions.Log*", sinks);
        Assert.Contains("Microsoft.Extensions.Logging.ILogger.Log", sinks);
        Assert.Contains(sinks, s => s.StartsWith("System.Console.", StringComparison.Ordinal));
        Assert.Contains(sinks, s => s.StartsWith("System.Diagnostics.Debug.", StringComparison.Ordinal));
        Assert.Contains(sinks, s => s.StartsWith("System.Diagnostics.Trace.", StringComparison.Ordinal));
        Assert.NotEmpty(Policy.Analyzers.ThirdPartySinks);
        Assert.NotEmpty(Policy.Analyzers.ConsentChecks);
        Assert.NotEmpty(Policy.Analyzers.Redactors);
        Assert.NotEmpty(Policy.Analyzers.CustomerFacingText);
        Assert.Equal(new[] { "eligibility", "pricing", "prioritisation", "routing" }, Policy.Analyzers.DecisionContexts.Select(c => c.Context).Distinct().OrderBy(c => c, StringComparer.Ordinal));
    }

    private static IEnumerable<string> FieldsOf(Condition? condition)
    {
        if (condition == null)
        {
            yield break;
        }

        if (condition.Field != null)
        {
            yield return condition.Field;
        }

        foreach (var child in (condition.All ?? new List<Condition>()).Concat(condition.Any ?? new List<Condition>()).Append(condition.Not))
        {
            foreach (var field in FieldsOf(child))
            {
                yield return field;
            }
        }
    }
}
