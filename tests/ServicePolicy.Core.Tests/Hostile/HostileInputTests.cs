namespace ServicePolicy.Core.Tests.Hostile;

using System.Text;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>
/// Hostile or broken input is refused with a located error that names the limit, never with an
/// exception, a stack overflow or a hang. Each load runs under <see cref="Guard"/>: on a thread
/// with a small stack (recursion would overflow it) and a generous deadline (a hang fails).
/// </summary>
public class HostileInputTests
{
    private const int Depth = 10_000;

    [Fact]
    public void A_billion_laughs_file_is_refused_by_MaxNodes()
    {
        var yaml = new StringBuilder("apiVersion: servicepolicy/v1\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 12; i++)
        {
            yaml.Append($"lol{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        }

        var result = Guard(() => PolicyAssert.Load(yaml.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("MaxNodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("alias bomb", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line is > 2 and < 10, error.ToString()); // refused within the first few levels
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Ten_thousand_deep_flow_nesting_is_refused_by_MaxDepth(string open, string close)
    {
        var yaml = "apiVersion: servicepolicy/v1\nmetadata: " + string.Concat(Enumerable.Repeat(open, Depth)) + "x" + string.Concat(Enumerable.Repeat(close, Depth)) + "\n";
        var result = Guard(() => PolicyAssert.Load(yaml));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Ten_thousand_deep_block_nesting_is_refused_by_MaxDepth()
    {
        // `- - - x` nests block lists on one line; it is the compact way to nest 10,000 levels.
        var yaml = "apiVersion: servicepolicy/v1\nrules:\n" + string.Concat(Enumerable.Repeat("- ", Depth)) + "x\n";
        var result = Guard(() => PolicyAssert.Load(yaml));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("block", Depth)]
    [InlineData("flow", 2_000)]
    public void The_yaml_parser_itself_reads_deep_nesting_without_recursing(string style, int depth)
    {
        // The loader stops at MaxDepth long before this; the test shows that even the parser
        // underneath, driven to the end, keeps its own stack (no pre-scan guard is needed): a
        // recursive parser would overflow the 128 KiB stack it runs on here. (Flow nesting is
        // read in time that grows with the square of the depth, hence the smaller depth; the
        // loader never goes past MaxDepth levels of it.)
        var yaml = style == "flow"
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("- ", depth)) + "x\n";
        var events = Guard(
            () =>
            {
                var parser = new YamlDotNet.Core.Parser(new YamlDotNet.Core.Scanner(new StringReader(yaml), skipComments: true));
                var count = 0;
                while (parser.MoveNext())
                {
                    count++;
                }

                return count;
            },
            stackBytes: 128 * 1024);
        Assert.Equal((2 * depth) + 5 - (style == "flow" ? 1 : 0), events);
    }

    [Fact]
    public void Deep_indentation_nesting_is_refused_by_MaxDepth()
    {
        var yaml = new StringBuilder("apiVersion: servicepolicy/v1\n");
        for (var i = 0; i < 1500; i++)
        {
            yaml.Append(' ', i).Append("a:\n");
        }

        yaml.Append(' ', 1500).Append("b\n");
        var result = Guard(() => PolicyAssert.Load(yaml.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 + 64, error.Location.Line);
    }

    [Fact]
    public void A_50_MB_text_is_refused_by_MaxFileBytes_before_parsing()
    {
        var text = new string('#', 50 * 1024 * 1024);
        var result = Guard(() => PolicyAssert.Load(text));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void A_50_MB_file_is_refused_by_MaxFileBytes_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "sp-50mb-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            using (var stream = new FileStream(path, FileMode.CreateNew))
            {
                stream.SetLength(50L * 1024 * 1024); // sparse: nothing is written, and nothing needs reading
            }

            var result = Guard(() => PolicyLoader.LoadFile(path));
            var error = Assert.Single(result.Errors);
            Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
            Assert.Contains("52,428,800 bytes; the limit (MaxFileBytes)", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, error.Location.Line); // file-level
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Multi_byte_text_is_measured_in_bytes()
    {
        var limits = new LoaderLimits { MaxFileBytes = 1000 };
        var text = "apiVersion: servicepolicy/v1\nmetadata:\n  description: " + new string('ж', 600) + "\n"; // 655 characters, 1,255 bytes
        var error = Assert.Single(PolicyAssert.Load(text, new PolicyLoadOptions { Limits = limits }).Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Equal(1255, Encoding.UTF8.GetByteCount(text));
        Assert.Equal("The file is 1,255 bytes long; the limit (MaxFileBytes) is 1,000 bytes.", error.Message);
    }

    [Fact]
    public void A_very_long_value_is_refused_by_MaxScalarLength_at_its_position()
    {
        var yaml = "apiVersion: servicepolicy/v1\nmetadata:\n  description: " + new string('x', 100_000) + "\n";
        var error = Assert.Single(Guard(() => PolicyAssert.Load(yaml)).Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("100,000 characters long; the limit (MaxScalarLength) is 65,536", error.Message, StringComparison.Ordinal);
        Assert.Equal((3, 16), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Too_many_rules_are_refused_by_MaxRules()
    {
        var yaml = new StringBuilder("apiVersion: servicepolicy/v1\nrules:\n");
        for (var i = 0; i <= 10_000; i++)
        {
            yaml.Append("  - {id: r").Append(i).Append(", principle: P1, action: data.share}\n");
        }

        var result = Guard(() => PolicyAssert.Load(yaml.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LimitExceeded, error.Code);
        Assert.Equal("The policy has 10,001 rules; the limit (MaxRules) is 10,000.", error.Message);
        Assert.Equal((3, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Rules_over_a_lowered_MaxRules_are_refused_across_includes_too()
    {
        var limits = new LoaderLimits { MaxRules = 2 };
        var yaml = "apiVersion: servicepolicy/v1\nrules:\n  - {id: a, principle: P1, action: data.share}\n  - {id: b, principle: P1, action: data.share}\n  - {id: c, principle: P1, action: data.share}\n";
        var error = Assert.Single(PolicyAssert.Load(yaml, new PolicyLoadOptions { Limits = limits }).Errors);
        Assert.Contains("(MaxRules) is 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pathological_regex_is_refused_not_run()
    {
        var nested = new string('(', 3000) + "a+" + new string(')', 3000) + "+";
        var yaml = "apiVersion: servicepolicy/v1\ntext:\n  patterns:\n    - id: deep\n      regex: '" + nested + "'\n    - id: bomb\n      regex: '^(([a-z])+.)+[A-Z]([a-z])+$'\n";
        var result = Guard(() => PolicyAssert.Load(yaml));
        Assert.Equal(2, result.Errors.Count(e => e.Code == PolicyErrorCodes.UnsafeRegex));
        Assert.All(result.Errors, e => Assert.True(e.Location.Line is 5 or 7, e.ToString()));
    }

    [Fact]
    public void Binary_garbage_is_refused_without_exceptions()
    {
        var random = new Random(1234);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            var text = Encoding.UTF8.GetString(bytes);
            var result = Guard(() => PolicyAssert.Load(text));
            Assert.False(result.Succeeded);
            Assert.All(result.Errors, e => Assert.True(e.Location.Line > 0, e.ToString()));
        }
    }

    [Fact]
    public void A_binary_file_with_nul_bytes_is_not_text()
    {
        var path = Path.Combine(Path.GetTempPath(), "sp-binary-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            File.WriteAllBytes(path, new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14 });
            var error = Assert.Single(PolicyLoader.LoadFile(path).Errors);
            Assert.Equal(PolicyErrorCodes.FileUnreadable, error.Code);
            Assert.Contains("is not a text file", error.Message, StringComparison.Ordinal);

            var fromText = Assert.Single(PolicyAssert.Load("apiVersion: x\0y").Errors);
            Assert.Equal(PolicyErrorCodes.FileUnreadable, fromText.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("# only a comment\n# and another\n")]
    public void An_empty_file_says_how_a_policy_starts(string text)
    {
        var error = Assert.Single(PolicyAssert.Load(text).Errors);
        Assert.Equal(PolicyErrorCodes.YamlSyntax, error.Code);
        Assert.Equal("The file is empty: a policy starts with `apiVersion: servicepolicy/v1`.", error.Message);
        Assert.Equal((1, 1), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_byte_order_mark_is_ignored_in_text_and_on_disk()
    {
        var yaml = "\uFEFFapiVersion: servicepolicy/v1\nmetadata:\n  name: bom\n";
        Assert.Equal("bom", PolicyAssert.Clean(yaml).Metadata.Name);

        var path = Path.Combine(Path.GetTempPath(), "sp-bom-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            File.WriteAllText(path, yaml.Substring(1), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var result = PolicyLoader.LoadFile(path);
            Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Crlf_line_endings_load_and_keep_exact_positions()
    {
        var yaml = "apiVersion: servicepolicy/v1\r\nrules:\r\n  - id: r1\r\n    principle: P1\r\n    action: data.share\r\n    efect: deny\r\n";
        var error = Assert.Single(PolicyAssert.Load(yaml).Errors);
        Assert.Equal(PolicyErrorCodes.UnknownKey, error.Code);
        Assert.Equal((6, 5), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void An_alias_used_as_a_key_is_refused()
    {
        var result = PolicyAssert.Load("apiVersion: servicepolicy/v1\nx: &k [a]\n*k : 1\n");
        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.WrongType && e.Message.Contains("A key must be a simple word", StringComparison.Ordinal));
    }

    [Fact]
    public void The_number_of_errors_is_capped_by_MaxErrors()
    {
        var yaml = new StringBuilder("apiVersion: servicepolicy/v1\n");
        for (var i = 0; i < 2000; i++)
        {
            yaml.Append("unknown").Append(i).Append(": 1\n");
        }

        var result = PolicyAssert.Load(yaml.ToString());
        Assert.Equal(LoaderLimits.Default.MaxErrors, result.Errors.Count);
    }

    private static T Guard<T>(Func<T> load, int stackBytes = 512 * 1024) => LoadGuard.Run(load, stackBytes);
}
