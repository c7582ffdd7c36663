namespace ServicePolicy.Analyzers.Tests.Harness;

using System.Runtime.CompilerServices;
using Xunit.Sdk;

/// <summary>
/// Approved-output tests: the text is compared with <c>&lt;TestFile&gt;.&lt;TestName&gt;.verified.txt</c>
/// beside the test's source file. On a difference a <c>.received.txt</c> is written next to it and the
/// test fails with a line diff; run with <c>SERVICEPOLICY_ACCEPT=1</c> to accept the new text.
/// </summary>
public static class Approvals
{
    public const string AcceptVariable = "SERVICEPOLICY_ACCEPT";

    public static void Verify(string text, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var directory = Path.GetDirectoryName(testFile) ?? ".";
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var actual = Normalize(text);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            DeleteIfPresent(receivedPath);
            return;
        }

        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            DeleteIfPresent(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var reason = expected == null ? $"No approved output yet: {verifiedPath} does not exist." : $"The output differs from {verifiedPath}:";
        throw new XunitException($"{reason}{Environment.NewLine}{TextDiff.Render(expected ?? "", actual)}{Environment.NewLine}Received text written to {receivedPath}. Run with {AcceptVariable}=1 to accept it.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
