namespace ServicePolicy.Analyzers.Infrastructure;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Base of every ServicePolicy analyzer: concurrent execution, generated code skipped, the
/// per-compilation <see cref="PolicyContext"/> built once and shared, SP9003 always supported,
/// and the compilation-start callback contained like every other callback (see <see cref="SafeAnalyzer"/>).
/// </summary>
public abstract class PolicyAnalyzer : DiagnosticAnalyzer
{
    private ImmutableArray<DiagnosticDescriptor> _supported;

    /// <summary>The diagnostics this analyzer reports (SP9003 is added automatically).</summary>
    protected abstract ImmutableArray<DiagnosticDescriptor> Rules { get; }

    /// <summary>The analyzer's name in SP9003 messages.</summary>
    protected string Name => GetType().Name;

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
    {
        get
        {
            if (_supported.IsDefault)
            {
                var rules = Rules;
                _supported = rules.Contains(Descriptors.SP9003AnalyzerFailure) ? rules : rules.Add(Descriptors.SP9003AnalyzerFailure);
            }

            return _supported;
        }
    }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            try
            {
                var policy = PolicyContext.GetOrCreate(start.Compilation, start.Options, start.CancellationToken);
                OnCompilationStart(start, policy);
            }
            catch (Exception ex) when (!SafeAnalyzer.IsCancellation(ex, start.CancellationToken))
            {
                // A start action cannot report; the failure is reported when the compilation ends.
                var name = Name;
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(SafeAnalyzer.Failure(name, ex, Location.None, $"compilation {end.Compilation.AssemblyName} (start)")));
            }
        });
    }

    /// <summary>
    /// Registers the analyzer's actions for one compilation. Use the <see cref="SafeAnalyzer"/>
    /// <c>RegisterSafe*</c> methods with <see cref="Name"/> so that failures become SP9003.
    /// </summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, PolicyContext policy);
}
