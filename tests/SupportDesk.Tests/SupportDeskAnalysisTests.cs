namespace SupportDesk.Tests;

/// <summary>
/// SupportDesk builds with no finding, and that means something: take away its consent check or
/// its log redaction, or put a banned claim in its texts, and the analyzers report it.
/// </summary>
public sealed class SupportDeskAnalysisTests
{
    private const string SharingEndpoints = "Sharing/SharingEndpoints.cs";

    [Fact]
    public async Task SupportDesk_has_no_findings()
    {
        var findings = await SampleCompiler.SupportDesk.FindingsAsync(RepositoryPaths.SeedPack);

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task Without_its_consent_check_the_share_is_reported_as_SP1001()
    {
        const string guard = """
                    if (!share.MayShare(customer.Id, requested, out var decision))
                    {
                        return PolicyResults.Refused(decision, StatusCodes.Status403Forbidden, "Sharing refused by the policy");
                    }
            """;
        var findings = await SampleCompiler.SupportDesk.FindingsAsync(RepositoryPaths.SeedPack, (file, text) =>
            file == SharingEndpoints ? Replace(text, guard, "        share.MayShare(customer.Id, requested, out var decision);\n") : text);

        Assert.Equal(new[] { "SP1001" }, findings.Select(f => f.Id).Distinct());
        Assert.All(findings, f => Assert.Equal(SharingEndpoints, f.File));
    }

    [Fact]
    public async Task Logging_the_address_unmasked_is_reported_as_SP1002()
    {
        var findings = await SampleCompiler.SupportDesk.FindingsAsync(RepositoryPaths.SeedPack, (file, text) =>
            file == SharingEndpoints ? Replace(text, "Redactor.MaskEmail(customer.Email)", "customer.Email") : text);

        var finding = Assert.Single(findings);
        Assert.Equal("SP1002", finding.Id);
        Assert.Equal(SharingEndpoints, finding.File);
    }

    [Fact]
    public async Task A_banned_claim_in_a_standard_text_is_reported_as_SP3001()
    {
        var findings = await SampleCompiler.SupportDesk.FindingsAsync(RepositoryPaths.SeedPack, (file, text) =>
            file == "Complaints/ComplaintTexts.cs" ? Replace(text, "Su opinión nos ayuda a mejorar.", "Resultado garantizado.") : text);

        var finding = Assert.Single(findings);
        Assert.Equal("SP3001", finding.Id);
        Assert.Contains("garantizado", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>A replacement that must happen: a test whose edit silently missed would prove nothing.</summary>
    private static string Replace(string text, string old, string replacement)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(old, normalised, StringComparison.Ordinal);
        return normalised.Replace(old, replacement, StringComparison.Ordinal);
    }
}
