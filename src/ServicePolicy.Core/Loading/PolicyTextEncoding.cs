namespace ServicePolicy.Core.Loading;

/// <summary>The encodings ServicePolicy files are refused in, for tools that read related files (decision inputs) the same way.</summary>
public static class PolicyTextEncoding
{
    /// <summary>"UTF-16 (little-endian)" and the like when the bytes are UTF-16 or UTF-32 text, or null.</summary>
    public static string? OtherEncodingOf(byte[] bytes) => PolicyFileReader.OtherEncoding(bytes);
}
