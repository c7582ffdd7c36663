namespace ServicePolicy.Core.Tests.Loading;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Tests.Support;

/// <summary>Includes: a file wins over what it includes, a later include over an earlier one; cycles, missing files and `disable`.</summary>
public class IncludeTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "sp-include-tests"));

    private const string Seed = """
        apiVersion: servicepolicy/v1
        metadata:
          name: seed
          version: 1.0.0
        rules:
          - id: r1
            title: from seed
            principle: P8
            action: refund.issue
            severity: warning
          - id: r2
            title: feedback
            principle: P9
            action: ticket.resolve
        """;

    private static PolicyLoadResult LoadVirtual(string rootText, params (string Name, string Text)[] files)
    {
        var map = files.ToDictionary(f => Path.Combine(Root, f.Name), f => f.Text);
        var options = new PolicyLoadOptions { ReadFile = path => map.TryGetValue(path, out var text) ? text : null };
        return PolicyLoader.LoadText(rootText, Path.Combine(Root, "company.yaml"), options);
    }

    [Fact]
    public void A_file_wins_over_what_it_includes()
    {
        var company = """
            apiVersion: servicepolicy/v1
            include: [seed.yaml]
            metadata:
              name: company
            rules:
              - id: r1
                title: from company
                principle: P8
                action: refund.issue
                severity: critical
            """;
        var result = LoadVirtual(company, ("seed.yaml", Seed));
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        var policy = result.Policy!;
        Assert.Equal(new[] { "r1", "r2" }, policy.Rules.Select(r => r.Id));
        Assert.Equal("from company", policy.Rules[0].Title);
        Assert.Equal(Severity.Critical, policy.Rules[0].Severity);
        Assert.Equal("company", policy.Metadata.Name);
        Assert.Equal("1.0.0", policy.Metadata.Version); // not overridden: kept from the seed
        Assert.Equal(Path.Combine(Root, "company.yaml"), policy.Rules[0].Location.File);
        Assert.Equal(Path.Combine(Root, "seed.yaml"), policy.Rules[1].Location.File);
    }

    [Fact]
    public void A_later_include_wins_over_an_earlier_one()
    {
        var first = "apiVersion: servicepolicy/v1\nrules:\n  - id: x\n    title: first\n    principle: P1\n    action: data.share\n";
        var second = "apiVersion: servicepolicy/v1\nrules:\n  - id: x\n    title: second\n    principle: P1\n    action: data.share\n";
        var result = LoadVirtual("apiVersion: servicepolicy/v1\ninclude: [a.yaml, b.yaml]\n", ("a.yaml", first), ("b.yaml", second));
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        Assert.Equal("second", Assert.Single(result.Policy!.Rules).Title);
    }

    [Fact]
    public void Files_that_include_each_other_are_reported_at_the_include_that_closes_the_circle()
    {
        var a = "apiVersion: servicepolicy/v1\ninclude: [b.yaml]\n";
        var b = "apiVersion: servicepolicy/v1\ninclude:\n  - company.yaml\n";
        var result = LoadVirtual("apiVersion: servicepolicy/v1\ninclude: [a.yaml]\n", ("a.yaml", a), ("b.yaml", b));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.Include, error.Code);
        Assert.Equal("`company.yaml` is already being included: the files include each other in a circle.", error.Message);
        Assert.Equal((Path.Combine(Root, "b.yaml"), 3, 5), (error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_missing_include_is_reported_at_its_item()
    {
        var text = "apiVersion: servicepolicy/v1\ninclude: [seed.yaml, nowhere.yaml]\n";
        var result = LoadVirtual(text, ("seed.yaml", Seed));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.Include, error.Code);
        Assert.Equal("The included policy file `nowhere.yaml` was not found.", error.Message);
        Assert.Equal((2, 22), (error.Location.Line, error.Location.Column));
        Assert.Equal(2, result.Policy!.Rules.Count); // what could be read is still there
    }

    [Fact]
    public void Disable_removes_an_included_rule_and_warns_about_an_unknown_one()
    {
        var text = "apiVersion: servicepolicy/v1\ninclude: [seed.yaml]\ndisable:\n  - r2\n  - r3\n";
        var result = LoadVirtual(text, ("seed.yaml", Seed));
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        Assert.Equal(new[] { "r1" }, result.Policy!.Rules.Select(r => r.Id));
        var warning = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.UnknownRule, warning.Code);
        Assert.Equal(ErrorSeverity.Warning, warning.Severity);
        Assert.Contains("`disable` names the rule `r3`, but no included file defines it", warning.Message, StringComparison.Ordinal);
        Assert.Equal((5, 5), (warning.Location.Line, warning.Location.Column));
    }

    [Fact]
    public void A_test_expecting_a_disabled_rule_says_the_rule_is_switched_off()
    {
        var text = "apiVersion: servicepolicy/v1\ninclude: [seed.yaml]\ndisable: [r2]\ntests:\n  - name: t\n    action: ticket.resolve\n    expect:\n      violations: [r2]\n";
        var result = LoadVirtual(text, ("seed.yaml", Seed));
        var error = Assert.Single(result.Errors, e => e.IsError);
        Assert.Equal(PolicyErrorCodes.UnknownRule, error.Code);
        Assert.Contains("that rule is switched off by `disable`", error.Message, StringComparison.Ordinal);
        Assert.Equal((8, 20), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file_and_its_line()
    {
        var broken = "apiVersion: servicepolicy/v1\nrules:\n  - id: r9\n    principle: P1\n    action: data.share\n    efect: deny\n";
        var result = LoadVirtual("apiVersion: servicepolicy/v1\ninclude: [broken.yaml]\n", ("broken.yaml", broken));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.UnknownKey, error.Code);
        Assert.Equal((Path.Combine(Root, "broken.yaml"), 6, 5), (error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Includes_are_read_from_disk_relative_to_the_including_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sp-include-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "company"));
        try
        {
            File.WriteAllText(Path.Combine(directory, "seed.yaml"), Seed);
            var companyPath = Path.Combine(directory, "company", "policy.yaml");
            File.WriteAllText(companyPath, "apiVersion: servicepolicy/v1\ninclude: [../seed.yaml]\ndisable: [r2]\n");
            // The seed is beside the company's folder, not below it: its folder is named as a root.
            var options = new PolicyLoadOptions { IncludeRoots = new[] { directory } };
            var result = PolicyLoader.LoadFile(companyPath, options);
            Assert.True(result.Succeeded, PolicyAssert.Describe(result));
            Assert.Equal("r1", Assert.Single(result.Policy!.Rules).Id);
            Assert.Equal(2, result.Policy.SourceFiles.Count);

            // Errors in the included file name it without `company/../`.
            File.WriteAllText(Path.Combine(directory, "seed.yaml"), Seed + "\n    efect: deny\n");
            var error = Assert.Single(PolicyLoader.LoadFile(companyPath, options).Errors);
            Assert.Equal(Path.Combine(directory, "seed.yaml"), error.Location.File);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_same_file_included_twice_in_one_list_is_read_once_with_a_warning()
    {
        var result = LoadVirtual("apiVersion: servicepolicy/v1\ninclude:\n  - seed.yaml\n  - seed.yaml\n", ("seed.yaml", Seed));
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        var warning = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.Include, warning.Code);
        Assert.Equal(ErrorSeverity.Warning, warning.Severity);
        Assert.Equal("`seed.yaml` is included twice in this list; the second time is ignored.", warning.Message);
        Assert.Equal((4, 5), (warning.Location.Line, warning.Location.Column));
    }

    [Fact]
    public void A_lattice_of_includes_is_stopped_by_MaxIncludedFiles()
    {
        // Each level includes both files of the next level: 2^8 reads without a limit.
        var files = new List<(string, string)>();
        for (var level = 0; level < 8; level++)
        {
            foreach (var side in new[] { "a", "b" })
            {
                var body = level == 7 ? "apiVersion: servicepolicy/v1\n" : $"apiVersion: servicepolicy/v1\ninclude: [a{level + 1}.yaml, b{level + 1}.yaml]\n";
                files.Add(($"{side}{level}.yaml", body));
            }
        }

        var result = LoadVirtual("apiVersion: servicepolicy/v1\ninclude: [a0.yaml, b0.yaml]\n", files.ToArray());
        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.LimitExceeded);
        Assert.Equal("The policy reads more than 64 files through its includes (limit MaxIncludedFiles).", error.Message);
    }

    [Fact]
    public void A_missing_root_file_is_a_file_level_error()
    {
        var result = PolicyLoader.LoadFile(Path.Combine(Root, "does-not-exist.yaml"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.FileUnreadable, error.Code);
        Assert.Equal(0, error.Location.Line);
        Assert.Null(result.Policy);
    }
}
