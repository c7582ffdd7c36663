namespace ServicePolicy.Cli.Tests;

/// <summary>Copies a scan fixture folder into a temporary folder that is its own repository root.</summary>
public static class ScanFixtures
{
    public static TempFolder Copy(string fixtureFolder)
    {
        var temp = new TempFolder();
        // A .git folder marks the repository root: neither the policy search nor the Directory.Build.props
        // lookup leaves the temporary folder.
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        var source = Path.Combine(CliRunner.Fixtures, "scan", fixtureFolder);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            temp.CopyFixture(Path.Combine("scan", fixtureFolder, relative), Path.Combine(fixtureFolder, relative));
        }

        return temp;
    }
}
