namespace ServicePolicy.Cli.Scan;

using ServicePolicy.Cli.Infrastructure;

/// <summary>
/// Findings about the scan itself. A crash of an analyzer (Roslyn's AD0001) or of the compiler
/// means some code was not checked, so it is an error and fails the scan (exit 1) whatever
/// <c>--fail-on</c> says: a scan that could not look cannot pass. Code that binds too little is a
/// warning: the findings may be incomplete.
/// </summary>
public static class ScanProblems
{
    public const string AnalyzerCrash = "AD0001";
    public const string CompilerCrash = "compiler-crash";
    public const string LowBinding = "low-binding";

    public static readonly IReadOnlySet<string> Ids = new HashSet<string>(StringComparer.Ordinal) { AnalyzerCrash, CompilerCrash, LowBinding };

    public static Finding Crash(string id, string message, string file, int line = 0, int column = 0) =>
        new(id, "error", message, file, line, column, line, column, id == AnalyzerCrash ? "An analyzer crashed" : "The compiler crashed", ToolInfo.RulesDocsBase.Replace("rules/", "cli.md#scan-completeness", StringComparison.Ordinal));

    public static Finding Binding(string message, string projectPath) =>
        new(LowBinding, "warning", message, projectPath, 0, 0, 0, 0, "The code binds too little for the scan to be trusted", ToolInfo.RulesDocsBase.Replace("rules/", "cli.md#binding-quality", StringComparison.Ordinal));
}
