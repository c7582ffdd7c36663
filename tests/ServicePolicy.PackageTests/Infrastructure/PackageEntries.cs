namespace ServicePolicy.PackageTests.Infrastructure;

using System.IO.Compression;

/// <summary>Files inside a .nupkg (a zip archive), read whole: PEReader needs a seekable stream, which a zip entry's is not.</summary>
public static class PackageEntries
{
    public static byte[] ReadBytes(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        Assert.True(entry != null, path + " is not in the package");
        return ReadBytes(entry!);
    }

    public static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        return buffer.ToArray();
    }
}
