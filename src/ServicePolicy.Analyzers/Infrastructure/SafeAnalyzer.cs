namespace ServicePolicy.Analyzers.Infrastructure;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Registration helpers that contain failures: an exception thrown by an analyzer callback becomes
/// an SP9003 diagnostic at the place being analyzed (with the exception type and message) instead
/// of an AD0001 that stops the analyzer for the whole compilation. Cancellation still propagates.
/// Every analyzer using these must list <see cref="Descriptors.SP9003AnalyzerFailure"/> among its
/// supported diagnostics (<see cref="PolicyAnalyzer"/> does).
/// </summary>
// RS1013 asks for start/end pairs to be replaced by one action; these helpers only wrap whatever
// the caller registers, so the pairing is the caller's business.
#pragma warning disable RS1013
internal static class SafeAnalyzer
{
    public static void RegisterSafeOperationAction(this CompilationStartAnalysisContext context, string analyzer, Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        context.RegisterOperationAction(Guard(analyzer, action), kinds);

    public static void RegisterSafeOperationAction(this OperationBlockStartAnalysisContext context, string analyzer, Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        context.RegisterOperationAction(Guard(analyzer, action), kinds);

    public static void RegisterSafeOperationBlockAction(this CompilationStartAnalysisContext context, string analyzer, Action<OperationBlockAnalysisContext> action) =>
        context.RegisterOperationBlockAction(Guard(analyzer, action));

    public static void RegisterSafeOperationBlockEndAction(this OperationBlockStartAnalysisContext context, string analyzer, Action<OperationBlockAnalysisContext> action) =>
        context.RegisterOperationBlockEndAction(Guard(analyzer, action));

    /// <summary>
    /// A block-start action cannot report; when it fails, the failure is reported by a block-end
    /// action registered in its place.
    /// </summary>
    public static void RegisterSafeOperationBlockStartAction(this CompilationStartAnalysisContext context, string analyzer, Action<OperationBlockStartAnalysisContext> action) =>
        context.RegisterOperationBlockStartAction(start =>
        {
            try
            {
                action(start);
            }
            catch (Exception ex) when (!IsCancellation(ex, start.CancellationToken))
            {
                var location = start.OwningSymbol.Locations.FirstOrDefault() ?? Location.None;
                var what = Describe(start.OwningSymbol);
                start.RegisterOperationBlockEndAction(end => Report(end.ReportDiagnostic, analyzer, ex, location, what));
            }
        });

    public static void RegisterSafeSyntaxNodeAction<TLanguageKindEnum>(this CompilationStartAnalysisContext context, string analyzer, Action<SyntaxNodeAnalysisContext> action, params TLanguageKindEnum[] kinds)
        where TLanguageKindEnum : struct =>
        context.RegisterSyntaxNodeAction(Guard(analyzer, action), kinds);

    public static void RegisterSafeSymbolAction(this CompilationStartAnalysisContext context, string analyzer, Action<SymbolAnalysisContext> action, params SymbolKind[] kinds) =>
        context.RegisterSymbolAction(Guard(analyzer, action), kinds);

    public static void RegisterSafeSyntaxTreeAction(this CompilationStartAnalysisContext context, string analyzer, Action<SyntaxTreeAnalysisContext> action) =>
        context.RegisterSyntaxTreeAction(tree =>
        {
            try
            {
                action(tree);
            }
            catch (Exception ex) when (!IsCancellation(ex, tree.CancellationToken))
            {
                Report(tree.ReportDiagnostic, analyzer, ex, Location.Create(tree.Tree, default), tree.Tree.FilePath);
            }
        });

    public static void RegisterSafeSemanticModelAction(this CompilationStartAnalysisContext context, string analyzer, Action<SemanticModelAnalysisContext> action) =>
        context.RegisterSemanticModelAction(model =>
        {
            try
            {
                action(model);
            }
            catch (Exception ex) when (!IsCancellation(ex, model.CancellationToken))
            {
                Report(model.ReportDiagnostic, analyzer, ex, Location.Create(model.SemanticModel.SyntaxTree, default), model.SemanticModel.SyntaxTree.FilePath);
            }
        });

    public static void RegisterSafeCompilationEndAction(this CompilationStartAnalysisContext context, string analyzer, Action<CompilationAnalysisContext> action) =>
        context.RegisterCompilationEndAction(Guard(analyzer, action));

    public static Action<OperationAnalysisContext> Guard(string analyzer, Action<OperationAnalysisContext> action) =>
        operation =>
        {
            try
            {
                action(operation);
            }
            catch (Exception ex) when (!IsCancellation(ex, operation.CancellationToken))
            {
                Report(operation.ReportDiagnostic, analyzer, ex, operation.Operation.Syntax.GetLocation(), DescribeOperation(operation.Operation));
            }
        };

    public static Action<OperationBlockAnalysisContext> Guard(string analyzer, Action<OperationBlockAnalysisContext> action) =>
        block =>
        {
            try
            {
                action(block);
            }
            catch (Exception ex) when (!IsCancellation(ex, block.CancellationToken))
            {
                Report(block.ReportDiagnostic, analyzer, ex, block.OwningSymbol.Locations.FirstOrDefault() ?? Location.None, Describe(block.OwningSymbol));
            }
        };

    public static Action<SyntaxNodeAnalysisContext> Guard(string analyzer, Action<SyntaxNodeAnalysisContext> action) =>
        node =>
        {
            try
            {
                action(node);
            }
            catch (Exception ex) when (!IsCancellation(ex, node.CancellationToken))
            {
                Report(node.ReportDiagnostic, analyzer, ex, node.Node.GetLocation(), $"`{Excerpt(node.Node.ToString())}`");
            }
        };

    public static Action<SymbolAnalysisContext> Guard(string analyzer, Action<SymbolAnalysisContext> action) =>
        symbol =>
        {
            try
            {
                action(symbol);
            }
            catch (Exception ex) when (!IsCancellation(ex, symbol.CancellationToken))
            {
                Report(symbol.ReportDiagnostic, analyzer, ex, symbol.Symbol.Locations.FirstOrDefault() ?? Location.None, Describe(symbol.Symbol));
            }
        };

    public static Action<CompilationAnalysisContext> Guard(string analyzer, Action<CompilationAnalysisContext> action) =>
        compilation =>
        {
            try
            {
                action(compilation);
            }
            catch (Exception ex) when (!IsCancellation(ex, compilation.CancellationToken))
            {
                Report(compilation.ReportDiagnostic, analyzer, ex, Location.None, $"compilation {compilation.Compilation.AssemblyName}");
            }
        };

    /// <summary>
    /// A symbol-start action cannot report; when it fails, the failure is reported by a symbol-end
    /// action registered in its place.
    /// </summary>
    public static Action<SymbolStartAnalysisContext> Guard(string analyzer, Action<SymbolStartAnalysisContext> action) =>
        start =>
        {
            try
            {
                action(start);
            }
            catch (Exception ex) when (!IsCancellation(ex, start.CancellationToken))
            {
                var location = start.Symbol.Locations.FirstOrDefault() ?? Location.None;
                var what = Describe(start.Symbol);
                start.RegisterSymbolEndAction(end => Report(end.ReportDiagnostic, analyzer, ex, location, what));
            }
        };

    /// <summary>
    /// Runs the analysis of one declaration found by walking a file, so that a failure there becomes SP9003 at
    /// that declaration and the rest of the file is still analysed.
    /// </summary>
    public static void Contain(string analyzer, Action<Diagnostic> report, SyntaxNode declaration, CancellationToken cancellationToken, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            Report(report, analyzer, ex, DeclarationLocation(declaration), $"`{Excerpt(FirstLine(declaration))}`");
        }
    }

    /// <summary>As the guard of an operation action: a failure on one operation becomes SP9003 there, and the walk goes on.</summary>
    public static void Contain(string analyzer, Action<Diagnostic> report, IOperation operation, CancellationToken cancellationToken, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            Report(report, analyzer, ex, operation.Syntax.GetLocation(), DescribeOperation(operation));
        }
    }

    /// <summary>The SP9003 diagnostic for a contained failure.</summary>
    public static Diagnostic Failure(string analyzer, Exception exception, Location location, string what)
    {
        var message = Excerpt(exception.Message.Replace('\r', ' ').Replace('\n', ' '));
        var frame = FirstFrame(exception);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add("ExceptionType", exception.GetType().FullName)
            .Add("StackFrame", frame);
        return Diagnostic.Create(Descriptors.SP9003AnalyzerFailure, location, properties, analyzer, what, exception.GetType().Name, frame == null ? message : message + " (at " + frame + ")");
    }

    internal static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static void Report(Action<Diagnostic> report, string analyzer, Exception exception, Location location, string what)
    {
        try
        {
            report(Failure(analyzer, exception, location, what));
        }
        catch (Exception)
        {
            // Reporting the failure failed too (a location outside the compilation, say). Nothing
            // sensible is left to do; throwing would only turn the contained failure into AD0001.
        }
    }

    /// <summary>A member is reported at its name (where the driver would report a failed block), not its whole body.</summary>
    private static Location DeclarationLocation(SyntaxNode declaration) =>
        declaration switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => method.Identifier.GetLocation(),
            Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax constructor => constructor.Identifier.GetLocation(),
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => property.Identifier.GetLocation(),
            Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax variable => variable.Identifier.GetLocation(),
            Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit => Location.Create(unit.SyntaxTree, new Microsoft.CodeAnalysis.Text.TextSpan(unit.SpanStart, 0)),
            _ => Location.Create(declaration.SyntaxTree, new Microsoft.CodeAnalysis.Text.TextSpan(declaration.SpanStart, 0)),
        };

    private static string FirstLine(SyntaxNode node)
    {
        var text = node.ToString();
        var end = text.IndexOfAny(new[] { '\r', '\n', '{' });
        return (end < 0 ? text : text.Substring(0, end)).Trim();
    }

    private static string DescribeOperation(IOperation operation) =>
        $"{operation.Kind} `{Excerpt(operation.Syntax.ToString())}`";

    private static string Describe(ISymbol symbol) =>
        $"{symbol.Kind} {symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}";

    private static string Excerpt(string text)
    {
        var singleLine = string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return singleLine.Length <= 80 ? singleLine : singleLine.Substring(0, 77) + "...";
    }

    private static string? FirstFrame(Exception exception)
    {
        var trace = exception.StackTrace;
        if (string.IsNullOrEmpty(trace))
        {
            return null;
        }

        var line = trace!.Split('\n')[0].Trim();
        if (line.StartsWith("at ", StringComparison.Ordinal))
        {
            line = line.Substring(3);
        }

        var inPart = line.IndexOf(" in ", StringComparison.Ordinal);
        return inPart > 0 ? line.Substring(0, inPart) : line;
    }
}
#pragma warning restore RS1013
