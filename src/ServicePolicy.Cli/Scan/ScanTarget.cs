namespace ServicePolicy.Cli.Scan;

using ServicePolicy.Cli.Infrastructure;

/// <summary>What `scan` was pointed at: a project, a solution or a folder.</summary>
public sealed class ScanTarget
{
    private ScanTarget(string path, string folder, bool isFolder)
    {
        Path = path;
        Folder = folder;
        IsFolder = isFolder;
    }

    /// <summary>The project, solution or folder as given.</summary>
    public string Path { get; }

    /// <summary>The folder whose sources are scanned without a build, and where the policy search starts.</summary>
    public string Folder { get; }

    public bool IsFolder { get; }

    public static ScanTarget Resolve(string path)
    {
        if (Directory.Exists(path))
        {
            return new ScanTarget(path, path, isFolder: true);
        }

        if (File.Exists(path))
        {
            var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".csproj" or ".sln" or ".slnx" or ".slnf" or ".proj")
            {
                return new ScanTarget(path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, isFolder: false);
            }

            throw new CliInputException($"{Paths.Display(path)}: error bad-usage: scan takes a C# project (.csproj), a solution (.sln, .slnx) or a folder.");
        }

        throw new CliInputException($"{Paths.Display(path)}: error file-unreadable: no such project, solution or folder.");
    }
}
