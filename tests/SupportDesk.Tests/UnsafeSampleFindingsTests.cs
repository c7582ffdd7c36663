namespace SupportDesk.Tests;

/// <summary>
/// samples/SupportDesk.Unsafe produces exactly the findings its comments announce: every analyzer
/// rule at least once, at the expected file and line, and nothing else. The configuration rules
/// are shown on the same code: no policy file is SP9002, a broken one is SP9001.
/// </summary>
public sealed class UnsafeSampleFindingsTests
{
    /// <summary>Rule id, file and line of every finding; each has a comment above it in the sample saying what is reported.</summary>
    private static readonly string[] Expected =
    {
        "SP1001 PartnerCrm.cs:28",              // e-mail and name to IPartnerCrm.PushContactAsync, no consent check
        "SP1001 PartnerCrm.cs:35",              // e-mail to HttpClient.PostAsJsonAsync, no consent check
        "SP1002 AuditLog.cs:10",                // e-mail to Console.WriteLine, not redacted
        "SP2001 CarelessPricingService.cs:9",   // postcode (proxy for origin) in pricing
        "SP2001 CarelessTicketRouter.cs:9",     // gender in routing
        "SP2001 CarelessTicketRouter.cs:15",    // age in routing
        "SP3001 CarelessReplies.cs:15",         // "guaranteed"
        "SP3001 CarelessReplies.cs:21",         // "como ya le dije"
        "SP3001 CarelessReplies.cs:27",         // "лучшая цена на рынке"
    };

    [Fact]
    public async Task The_unsafe_sample_produces_exactly_the_announced_findings()
    {
        var findings = await SampleCompiler.Unsafe.FindingsAsync(RepositoryPaths.SeedPack);

        Assert.True(
            Expected.Order(StringComparer.Ordinal).SequenceEqual(findings.Select(f => f.Key).Order(StringComparer.Ordinal)),
            "Expected:" + Environment.NewLine + string.Join(Environment.NewLine, Expected) + Environment.NewLine
            + "Actual:" + Environment.NewLine + string.Join(Environment.NewLine, findings.Select(f => $"{f.Key}  {f.Message}")));
    }

    [Fact]
    public void Every_expected_finding_has_a_comment_above_it_naming_the_rule()
    {
        foreach (var key in Expected)
        {
            var (id, file, line) = Parse(key);
            var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.UnsafeSample, file));
            var comment = lines.Take(line - 1).Reverse().TakeWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Reverse();
            Assert.True(comment.Any(l => l.Contains(id + ":", StringComparison.Ordinal)), $"{file}:{line} has no comment announcing {id}");
        }
    }

    [Fact]
    public async Task Without_a_policy_file_SP9002_is_reported_and_only_the_annotations_still_count()
    {
        var findings = await SampleCompiler.Unsafe.FindingsAsync(policyPath: null);

        // [ThirdPartySink] and [PersonalData] are in the code itself; the routing context (*Router),
        // the proxies, the HttpClient sinks and the banned phrases come from the missing policy.
        Assert.Equal(
            new[] { "SP1001 PartnerCrm.cs:28", "SP1002 AuditLog.cs:10", "SP9002 :0" },
            findings.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_a_broken_policy_file_the_finding_is_SP9001_naming_its_line()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"supportdesk-broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, "apiVersion: servicepolicy/v1\nmetadata:\n  name: broken\nrules:\n  - id: [unclosed\n");
        try
        {
            var findings = await SampleCompiler.Unsafe.FindingsAsync(broken);

            var invalid = Assert.Single(findings, f => f.Id == "SP9001");
            // The unclosed list starting on line 5 is reported where the YAML reader gives up (line 5 or the end).
            Assert.True(invalid.File.EndsWith(Path.GetFileName(broken), StringComparison.Ordinal) && invalid.Line >= 5, invalid.ToString());
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static (string Id, string File, int Line) Parse(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var colon = key.LastIndexOf(':');
        return (key[..space], key[(space + 1)..colon], int.Parse(key[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
