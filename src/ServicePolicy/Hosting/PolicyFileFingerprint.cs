namespace ServicePolicy.Hosting;

using System.Security.Cryptography;

/// <summary>
/// A SHA-256 over the bytes of the policy file and of every file it includes, as they are now. Two
/// equal fingerprints taken a settle period apart mean nobody wrote to the files in between.
/// </summary>
internal static class PolicyFileFingerprint
{
    /// <summary>The fingerprint, or null when a file cannot be read (missing, locked, being replaced).</summary>
    public static string? Of(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var file in files)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\0"));
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return null;
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
