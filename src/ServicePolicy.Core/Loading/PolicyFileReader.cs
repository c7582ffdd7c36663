namespace ServicePolicy.Core.Loading;

using System.Text;

/// <summary>
/// Reads a policy or tests file from disk the one safe way: regular files only, never more than
/// the byte limit (counted while reading, not trusted from the file's reported size), and UTF-8
/// only, with UTF-16 and UTF-32 refused by name.
/// </summary>
internal static class PolicyFileReader
{
    /// <summary>The text, or null with <paramref name="problem"/> saying why (a sentence that names the file as <paramref name="displayPath"/>).</summary>
    public static string? Read(string fullPath, string displayPath, long maxBytes, out string? problem, out bool tooLarge)
    {
        problem = null;
        tooLarge = false;
        var info = new FileInfo(fullPath);
        if ((info.Attributes & FileAttributes.Directory) != 0)
        {
            problem = $"`{displayPath}` is a folder, not a policy file.";
            return null;
        }

        // Devices (/dev/zero), pipes and /proc files report a length of 0: opening a pipe would wait
        // for a writer forever and a device never ends. An empty regular file is no policy either,
        // so a reported length of 0 is refused before the file is opened.
        if (info.Length == 0)
        {
            problem = $"`{displayPath}` is empty or is not a regular file (a device, a pipe or a /proc file); a policy is a YAML text file.";
            return null;
        }

        if (info.Length > maxBytes)
        {
            tooLarge = true;
            problem = FormattableString.Invariant($"The file `{displayPath}` is {info.Length:N0} bytes; the limit (MaxFileBytes) is {maxBytes:N0} bytes.");
            return null;
        }

        byte[] bytes;
        using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.SequentialScan))
        {
            // The file may grow between the length check and the read: read at most one byte more
            // than the limit, and refuse the file if that byte exists.
            var cap = Math.Min(maxBytes + 1, int.MaxValue - 64);
            var buffer = new byte[(int)Math.Min(cap, info.Length + 1)];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total >= cap)
                    {
                        tooLarge = true;
                        problem = FormattableString.Invariant($"The file `{displayPath}` grew past the limit (MaxFileBytes, {maxBytes:N0} bytes) while it was read.");
                        return null;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(cap, (long)buffer.Length * 2));
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            bytes = total == buffer.Length ? buffer : Copy(buffer, total);
        }

        return Decode(bytes, displayPath, out problem);
    }

    /// <summary>UTF-8 text without its byte-order mark, or null when the bytes are another encoding or not text.</summary>
    public static string? Decode(byte[] bytes, string displayPath, out string? problem)
    {
        problem = null;
        var encoding = OtherEncoding(bytes);
        if (encoding != null)
        {
            problem = $"`{displayPath}` is {encoding} text; a policy must be saved as UTF-8.";
            return null;
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problem = $"`{displayPath}` is not a text file (it contains NUL bytes); a policy is a YAML text file.";
            return null;
        }

        return new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>The name of a UTF-16 or UTF-32 encoding the bytes are in (by their byte-order mark or their zero bytes), or null.</summary>
    internal static string? OtherEncoding(byte[] bytes)
    {
        bool Starts(params byte[] mark) => bytes.Length >= mark.Length && mark.Select((b, i) => bytes[i] == b).All(x => x);

        if (Starts(0xFF, 0xFE, 0x00, 0x00))
        {
            return "UTF-32 (little-endian)";
        }

        if (Starts(0x00, 0x00, 0xFE, 0xFF))
        {
            return "UTF-32 (big-endian)";
        }

        if (Starts(0xFF, 0xFE))
        {
            return "UTF-16 (little-endian)";
        }

        if (Starts(0xFE, 0xFF))
        {
            return "UTF-16 (big-endian)";
        }

        // No mark: ASCII text in UTF-16 or UTF-32 has a zero byte beside every letter. Judged on the
        // first characters, which in a policy are `apiVersion` or a comment.
        if (bytes.Length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0)
        {
            return "UTF-32 (little-endian)";
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] != 0)
        {
            return "UTF-32 (big-endian)";
        }

        if (bytes.Length >= 2 && bytes[0] != 0 && bytes[1] == 0)
        {
            return "UTF-16 (little-endian)";
        }

        if (bytes.Length >= 2 && bytes[0] == 0 && bytes[1] != 0)
        {
            return "UTF-16 (big-endian)";
        }

        return null;
    }

    private static byte[] Copy(byte[] buffer, int count)
    {
        var copy = new byte[count];
        Buffer.BlockCopy(buffer, 0, copy, 0, count);
        return copy;
    }
}
