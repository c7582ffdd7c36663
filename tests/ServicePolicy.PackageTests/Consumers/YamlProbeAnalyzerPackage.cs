namespace ServicePolicy.PackageTests.Consumers;

using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// Another team's analyzer package, built from scratch inside the test: a trivial analyzer that parses YAML
/// with YamlDotNet 11.2.1 and ships that YamlDotNet.dll beside itself in analyzers/dotnet/cs, exactly as
/// ServicePolicy.Analyzers ships 16.3.0. Its diagnostic PROBE001 names the YamlDotNet version it got.
/// </summary>
public static class YamlProbeAnalyzerPackage
{
    public const string PackageId = "E2E.YamlProbe";

    public const string DiagnosticId = "PROBE001";

    /// <summary>A YamlDotNet other than the 16.3.0 of ServicePolicy.Core, with a different assembly version (11.0.0.0).</summary>
    public const string YamlDotNetVersion = "11.2.1";

    public static void Pack(PackageFeedFixture fixture)
    {
        var directory = fixture.NewDirectory("yaml-probe");
        File.WriteAllText(Path.Combine(directory, PackageId + ".csproj"), ProjectFile.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(directory, "YamlProbeAnalyzer.cs"), Analyzer.ReplaceLineEndings("\n"));
        var result = fixture.DotNet.Run(
            directory,
            TimeSpan.FromMinutes(4),
            "pack", "-nologo", "-v:minimal", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-c", "Release", "-o", fixture.Feed, "-p:Version=" + fixture.Version);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Packing the YamlDotNet probe analyzer failed. " + result.Describe());
        }
    }

    private const string ProjectFile = $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
            <PackageId>{{PackageId}}</PackageId>
            <Description>Test analyzer that loads YamlDotNet {{YamlDotNetVersion}}.</Description>
            <Authors>tests</Authors>
            <IncludeBuildOutput>false</IncludeBuildOutput>
            <DevelopmentDependency>true</DevelopmentDependency>
            <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
            <NoWarn>$(NoWarn);NU5128;RS1036;RS2008</NoWarn>
            <!-- YamlDotNet 11.2.1 has no netstandard2.0 build: let NuGet pick its asset and copy it to the output. -->
            <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>
            <TargetsForTfmSpecificContentInPackage>$(TargetsForTfmSpecificContentInPackage);AddAnalyzerToPackage</TargetsForTfmSpecificContentInPackage>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
            <PackageReference Include="YamlDotNet" Version="{{YamlDotNetVersion}}" PrivateAssets="all" />
          </ItemGroup>
          <Target Name="AddAnalyzerToPackage">
            <ItemGroup>
              <TfmSpecificPackageFile Include="$(TargetPath);$(TargetDir)YamlDotNet.dll" PackagePath="analyzers/dotnet/cs" />
            </ItemGroup>
          </Target>
        </Project>
        """;

    private const string Analyzer = $$"""
        using System.Collections.Immutable;
        using System.IO;
        using Microsoft.CodeAnalysis;
        using Microsoft.CodeAnalysis.Diagnostics;
        using YamlDotNet.RepresentationModel;

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class YamlProbeAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
                "{{DiagnosticId}}", "YamlDotNet probe", "YamlDotNet {0} read '{1}'", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationAction(compilation =>
                {
                    var stream = new YamlStream();
                    stream.Load(new StringReader("probe: ok"));
                    var root = (YamlMappingNode)stream.Documents[0].RootNode;
                    var value = root.Children[new YamlScalarNode("probe")].ToString();
                    var version = typeof(YamlStream).Assembly.GetName().Version;
                    compilation.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, version, value));
                });
            }
        }
        """;
}
