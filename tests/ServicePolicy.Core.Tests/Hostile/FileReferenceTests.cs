namespace ServicePolicy.Core.Tests.Hostile;

using System.Diagnostics;
using System.Text;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;

/// <summary>
/// `include:` and a tests file's `policy:` read only regular policy files inside the policy's
/// folder tree (or an extra root), and never show the content of a file that is not a policy.
/// </summary>
public sealed class FileReferenceTests : IDisposable
{
    private const string Secret = "PLANTED-TOKEN-7c1e";

    private readonly string _root = Directory.CreateTempSubdirectory("sp-refs-").FullName;

    public FileReferenceTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "company"));
        File.WriteAllText(Path.Combine(_root, "secret.txt"), Secret + "\n");
        File.WriteAllText(Path.Combine(_root, "seed.yaml"), "apiVersion: servicepolicy/v1\nrules:\n  - {id: r1, principle: P1, action: data.share}\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Company(string include)
    {
        var path = Path.Combine(_root, "company", "policy.yaml");
        File.WriteAllText(path, $"apiVersion: servicepolicy/v1\ninclude:\n  - {include}\n");
        return path;
    }

    private static void AssertRefusedAtInclude(PolicyLoadResult result, string code, string messagePart)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal((3, 5), (error.Location.Line, error.Location.Column));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("../seed.yaml")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/proc/self/environ")]
    [InlineData("/dev/zero")]
    public void An_include_outside_the_policy_folder_is_refused_without_reading_it(string include)
    {
        var result = LoadGuard.Run(() => PolicyLoader.LoadFile(Company(include)));
        AssertRefusedAtInclude(result, PolicyErrorCodes.Include, "outside the policy's own folder");
    }

    [Fact]
    public void An_extra_root_lets_a_policy_include_a_shared_pack_beside_its_folder()
    {
        var result = PolicyLoader.LoadFile(Company("../seed.yaml"), new PolicyLoadOptions { IncludeRoots = new[] { _root } });
        Assert.True(result.Succeeded, PolicyAssert.Describe(result));
        Assert.Equal("r1", Assert.Single(result.Policy!.Rules).Id);
    }

    [Fact]
    public void A_file_that_is_not_a_policy_is_refused_without_showing_its_content()
    {
        var options = new PolicyLoadOptions { IncludeRoots = new[] { _root } };
        var result = PolicyLoader.LoadFile(Company("../secret.txt"), options);
        AssertRefusedAtInclude(result, PolicyErrorCodes.NotAPolicy, "its content is not shown");

        var direct = PolicyLoader.LoadFile(Path.Combine(_root, "secret.txt"));
        var error = Assert.Single(direct.Errors);
        Assert.Equal(PolicyErrorCodes.NotAPolicy, error.Code);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_inside_the_folder_that_leads_outside_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "company", "linked.yaml"), Path.Combine(_root, "seed.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "company", "up"), _root);
        AssertRefusedAtInclude(PolicyLoader.LoadFile(Company("linked.yaml")), PolicyErrorCodes.Include, "symbolic link");
        AssertRefusedAtInclude(PolicyLoader.LoadFile(Company("up/secret.txt")), PolicyErrorCodes.Include, "symbolic link");
    }

    [Fact]
    public void A_pipe_or_device_is_refused_before_it_is_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no mkfifo; the device case below is Unix-only too
        }

        var fifo = Path.Combine(_root, "company", "pipe.yaml");
        Process.Start("mkfifo", new[] { fifo })!.WaitForExit();
        Assert.True(File.Exists(fifo));

        // Opening a pipe with no writer waits forever: the guard's deadline fails the test if it does.
        AssertRefusedAtInclude(LoadGuard.Run(() => PolicyLoader.LoadFile(Company("pipe.yaml"))), PolicyErrorCodes.FileUnreadable, "not a regular file");
        var root = LoadGuard.Run(() => PolicyLoader.LoadFile(fifo));
        Assert.Contains("not a regular file", Assert.Single(root.Errors).Message, StringComparison.Ordinal);
        var device = LoadGuard.Run(() => PolicyLoader.LoadFile("/dev/zero"));
        Assert.Contains("not a regular file", Assert.Single(device.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tests_file_may_name_only_a_policy_inside_its_folder()
    {
        var tests = Path.Combine(_root, "company", "policy.tests.yaml");
        foreach (var (policy, messagePart) in new[] { ("../seed.yaml", "outside the tests file's folder"), ("/etc/passwd", "outside the tests file's folder") })
        {
            File.WriteAllText(tests, $"policy: {policy}\ntests:\n  - {{name: t, action: data.share, input: {{}}, expect: {{effect: allow}}}}\n");
            var result = PolicyTestFileLoader.LoadFile(tests);
            Assert.Null(result.PolicyPath);
            var error = Assert.Single(result.Errors, e => e.IsError);
            Assert.Equal((1, 9), (error.Location.Line, error.Location.Column));
            Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(_root, "company", "notes.yaml"), Secret + ": x\n");
        File.WriteAllText(tests, "policy: notes.yaml\ntests:\n  - {name: t, action: data.share, input: {}, expect: {effect: allow}}\n");
        var notPolicy = PolicyTestFileLoader.LoadFile(tests);
        var refused = Assert.Single(notPolicy.Errors, e => e.IsError);
        Assert.Equal(PolicyErrorCodes.NotAPolicy, refused.Code);
        Assert.DoesNotContain(Secret, refused.ToString(), StringComparison.Ordinal);

        File.WriteAllText(tests, "policy: ../seed.yaml\ntests:\n  - {name: t, action: data.share, input: {}, expect: {effect: allow}}\n");
        var withRoot = PolicyTestFileLoader.LoadFile(tests, null, new[] { _root });
        Assert.True(withRoot.Succeeded, string.Join("\n", withRoot.Errors));
        Assert.Equal(Path.Combine(_root, "seed.yaml"), Path.GetFullPath(withRoot.PolicyPath!));
    }

    [Theory]
    [InlineData("utf-16", "UTF-16 (little-endian)")]
    [InlineData("utf-16BE", "UTF-16 (big-endian)")]
    [InlineData("utf-32", "UTF-32 (little-endian)")]
    [InlineData("utf-32BE", "UTF-32 (big-endian)")]
    public void A_utf16_or_utf32_file_is_refused_naming_its_encoding(string encodingName, string named)
    {
        var encoding = encodingName switch
        {
            "utf-16" => (Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
            "utf-32" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        };
        var path = Path.Combine(_root, "company", "wide.yaml");
        File.WriteAllText(path, "apiVersion: servicepolicy/v1\nmetadata:\n  name: wide\n", encoding);
        var error = Assert.Single(PolicyLoader.LoadFile(path).Errors);
        Assert.Equal(PolicyErrorCodes.FileUnreadable, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
