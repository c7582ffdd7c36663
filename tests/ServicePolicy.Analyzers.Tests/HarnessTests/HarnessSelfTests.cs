namespace ServicePolicy.Analyzers.Tests.HarnessTests;

using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Analyzers.Tests.Harness;
using Xunit.Sdk;

/// <summary>The harness must fail when it should, or the analyzer tests prove nothing.</summary>
public sealed class HarnessSelfTests
{
    [Fact]
    public void Markup_gives_the_text_without_markers_and_the_spans_with_their_ids()
    {
        var (text, spans) = Markup.Parse("a {|SP1001:b [|c|] d|} e");

        Assert.Equal("a b c d e", text);
        Assert.Equal(new (string?, TextSpan)[] { ("SP1001", new TextSpan(2, 5)), (null, new TextSpan(4, 1)) }, spans);
    }

    [Theory]
    [InlineData("{|SP1001:never closed")]
    [InlineData("{|:no id|}")]
    [InlineData("[|mixed|}")]
    public void Malformed_markup_is_an_error(string markup) =>
        Assert.Throws<FormatException>(() => Markup.Parse(markup));

    [Fact]
    public void Square_brackets_can_be_left_alone_in_yaml() =>
        Assert.Equal("list: [|a|]", Markup.Parse("list: [|a|]", allowSquareBrackets: false).Text);

    [Fact]
    public async Task A_missing_expected_diagnostic_fails_with_a_readable_diff()
    {
        var project = new TestProject().AddSource("public class {|SP9001:C|} { }");

        var failure = await Assert.ThrowsAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(
            project, new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new ServicePolicy.Analyzers.Configuration.PolicyFileAnalyzer() }, options: new VerifyOptions { AllowPolicyErrors = true }));

        Assert.Contains("Expected but not reported:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- SP9001 /project/Test0.cs(1,14)-(1,15) `C`", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ SP9002 (no location)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_that_does_not_compile_fails_the_test()
    {
        var project = new TestProject().AddSource("public class C { void M() { undefined(); } }");

        var failure = await Assert.ThrowsAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(
            project, new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new ServicePolicy.Analyzers.Fairness.ProtectedAttributeAnalyzer() }));

        Assert.Contains("does not compile", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_policy_with_errors_fails_the_test_instead_of_passing_silently()
    {
        var project = new TestProject().AddSource("public class C { }").AddPolicy("apiVersion: servicepolicy/v1\nclasification: {}\n");

        var failure = await Assert.ThrowsAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(
            project, new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new ServicePolicy.Analyzers.Fairness.ProtectedAttributeAnalyzer() }));

        Assert.Contains("has errors", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_diff_marks_removed_and_added_lines()
    {
        var diff = TextDiff.Render("a\nb\nc", "a\nB\nc");

        Assert.Equal("  a\n- b\n+ B\n  c\n", diff.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Approvals_fail_without_an_approved_file_and_pass_once_it_matches()
    {
        var directory = Directory.CreateTempSubdirectory("sp-approvals-").FullName;
        var testFile = Path.Combine(directory, "FakeTests.cs");
        try
        {
            var failure = Assert.Throws<XunitException>(() => Approvals.Verify("line 1\nline 2", testFile, "Renders"));
            Assert.Contains("No approved output yet", failure.Message, StringComparison.Ordinal);
            var received = Path.Combine(directory, "FakeTests.Renders.received.txt");
            Assert.True(File.Exists(received));

            File.Move(received, Path.Combine(directory, "FakeTests.Renders.verified.txt"));
            Approvals.Verify("line 1\r\nline 2\n", testFile, "Renders");

            var changed = Assert.Throws<XunitException>(() => Approvals.Verify("line 1\nline 3", testFile, "Renders"));
            Assert.Contains("+ line 3", changed.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
