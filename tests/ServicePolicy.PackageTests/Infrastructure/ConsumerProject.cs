namespace ServicePolicy.PackageTests.Infrastructure;

using System.Text.RegularExpressions;

/// <summary>
/// A project written from scratch in the temporary folder, as a user would write one, that gets our
/// packages only through NuGet.
/// </summary>
public sealed class ConsumerProject
{
    private static readonly Regex Expectation = new(@"//\s*expect\s+(?<id>[A-Z]+\d+)\s+at\s+(?<at>.+?)\s*$", RegexOptions.CultureInvariant);

    public ConsumerProject(PackageFeedFixture fixture, string name)
    {
        Fixture = fixture;
        Name = name;
        Directory = fixture.NewDirectory(name);
    }

    public PackageFeedFixture Fixture { get; }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The built program, for `dotnet Consumer.dll`; the project file is always named Consumer.csproj.</summary>
    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", "Consumer.dll");

    public ConsumerProject Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    public ConsumerBuild Build(params string[] extraArguments) =>
        new(this, Fixture.DotNet.Build(Directory, extraArguments), sarifPath: null);

    /// <summary>Builds with <c>-p:ErrorLog=build.sarif,version=2.1</c> (the comma escaped for MSBuild, as users must write it).</summary>
    public ConsumerBuild BuildWithSarif(params string[] extraArguments)
    {
        var sarif = Path.Combine(Directory, "build.sarif");
        var arguments = new List<string> { "-p:ErrorLog=" + sarif + "%2Cversion=2.1" };
        arguments.AddRange(extraArguments);
        return new ConsumerBuild(this, Fixture.DotNet.Build(Directory, arguments.ToArray()), sarif);
    }

    /// <summary>
    /// The diagnostics the C# files of this consumer announce with a comment <c>// expect SP2001 at customer.Gender</c>:
    /// that id, on that line, at the column where the quoted text starts.
    /// </summary>
    public IReadOnlyList<string> ExpectedDiagnosticKeys(Func<string, bool>? includeId = null)
    {
        var keys = new List<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Expectation.Match(lines[i]);
                if (!match.Success || (includeId != null && !includeId(match.Groups["id"].Value)))
                {
                    continue;
                }

                var code = lines[i][..match.Index];
                var column = code.IndexOf(match.Groups["at"].Value, StringComparison.Ordinal);
                if (column < 0)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(file)}:{i + 1}: the expected text `{match.Groups["at"].Value}` is not on the line.");
                }

                keys.Add($"{Path.GetFileName(file)}:{i + 1}:{column + 1} {match.Groups["id"].Value}");
            }
        }

        return keys;
    }
}
