namespace ServicePolicy.Analyzers.Configuration;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Infrastructure;

/// <summary>
/// SP9001 (the policy file is invalid, at each problem's line and column in the YAML) and SP9002
/// (no policy found, once per compilation). Reported when the compilation ends, since they are
/// about the project, not about one syntax tree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyFileAnalyzer : PolicyAnalyzer
{
    protected override ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        ImmutableArray.Create(Descriptors.SP9001PolicyInvalid, Descriptors.SP9002NoPolicy);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy)
    {
        if (policy.ConfigurationDiagnostics.IsEmpty)
        {
            return;
        }

        context.RegisterSafeCompilationEndAction(Name, end =>
        {
            foreach (var diagnostic in policy.ConfigurationDiagnostics)
            {
                end.ReportDiagnostic(diagnostic);
            }
        });
    }
}
