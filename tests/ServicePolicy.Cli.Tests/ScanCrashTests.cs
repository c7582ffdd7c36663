namespace ServicePolicy.Cli.Tests;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Cli.Scan;

/// <summary>An analyzer that crashes is reported where it crashed, and the scan goes on with the rest.</summary>
public class ScanCrashTests
{
    [Fact]
    public void An_analyzer_crash_is_an_AD0001_error_naming_the_file_and_the_other_files_are_still_checked()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        temp.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        temp.Write("App/Bad.cs", "namespace App; public class Bad { }");
        temp.Write("App/Good.cs", "namespace App; public class Good { }");

        var scanner = new NoBuildScanner(() => ImmutableArray.Create<DiagnosticAnalyzer>(new CrashesOnBadFiles()));
        var report = scanner.Scan(ScanTarget.Resolve(Path.Combine(temp.Path, "App")), policyPath: null, _ => { });

        var crash = Assert.Single(report.Findings, f => f.Id == "AD0001");
        Assert.Equal("error", crash.Severity);
        Assert.Equal(Path.Combine(temp.Path, "App", "Bad.cs"), crash.File);
        Assert.Contains(typeof(CrashesOnBadFiles).FullName!, crash.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: cannot read Bad.cs", crash.Message, StringComparison.Ordinal);
        Assert.Equal("Scan completeness", PrincipleGroups.Of(crash.Id));

        var checkedFile = Assert.Single(report.Findings, f => f.Id == "SP0999");
        Assert.Equal(Path.Combine(temp.Path, "App", "Good.cs"), checkedFile.File);
        Assert.Equal(2, report.FilesScanned);
    }

    [Fact]
    public void A_compiler_crash_on_a_project_is_an_error_and_its_files_are_then_checked_one_by_one()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        temp.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        temp.Write("App/Good.cs", "namespace App; public class Good { }");
        temp.Write("App/Other.cs", "namespace App; public class Other { }");

        var scanner = new NoBuildScanner(() => ImmutableArray.Create<DiagnosticAnalyzer>(new CrashesOnBadFiles()))
        {
            WholeProject = _ => throw new IndexOutOfRangeException("Index was outside the bounds of the array."),
        };
        var report = scanner.Scan(ScanTarget.Resolve(Path.Combine(temp.Path, "App")), policyPath: null, _ => { });

        var crash = Assert.Single(report.Findings, f => f.Id == "compiler-crash");
        Assert.Equal("error", crash.Severity);
        Assert.Contains("IndexOutOfRangeException: Index was outside the bounds of the array.", crash.Message, StringComparison.Ordinal);
        Assert.Contains("each file was then checked on its own", crash.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "Good.cs", "Other.cs" }, report.Findings.Where(f => f.Id == "SP0999").Select(f => Path.GetFileName(f.File)).Order(StringComparer.Ordinal));
        Assert.Single(report.Bindings);
    }

    /// <summary>Reports every file it reads, and throws on files named Bad.cs.</summary>
#pragma warning disable RS1036, RS1041, RS2008 // A test double hosted in-process, never shipped or loaded by a compiler.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CrashesOnBadFiles : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Read = new("SP0999", "Read", "Read {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Read);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(tree =>
            {
                if (tree.Tree.FilePath.EndsWith("Bad.cs", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("cannot read Bad.cs");
                }

                if (tree.Tree.FilePath.EndsWith(".cs", StringComparison.Ordinal) && !tree.Tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
                {
                    tree.ReportDiagnostic(Diagnostic.Create(Read, Location.Create(tree.Tree, default), Path.GetFileName(tree.Tree.FilePath)));
                }
            });
        }
    }
}
#pragma warning restore RS1036, RS1041, RS2008
