namespace ServicePolicy.Analyzers.Tests.Harness;

using Microsoft.CodeAnalysis;

/// <summary>
/// A diagnostic a test expects, beyond the markup: one with no location (SP9002), one in a file
/// by line and column (1-based, as editors show them), or one whose message must contain a text.
/// </summary>
public sealed record ExpectedDiagnostic(string Id, string? Path, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>When set, the message must contain this text.</summary>
    public string? MessageContains { get; init; }

    /// <summary>When set, the effective severity must be this one.</summary>
    public DiagnosticSeverity? Severity { get; init; }

    public bool HasLocation => Path != null;

    public static ExpectedDiagnostic NoLocation(string id) => new(id, null, 0, 0, 0, 0);

    /// <summary>At a 1-based line and column; the end is not compared unless given.</summary>
    public static ExpectedDiagnostic At(string id, string path, int line, int column, int endLine = 0, int endColumn = 0) =>
        new(id, path.StartsWith("/", StringComparison.Ordinal) ? path : TestProject.Directory + path, line, column, endLine, endColumn);

    public ExpectedDiagnostic WithMessage(string contains) => this with { MessageContains = contains };

    public ExpectedDiagnostic WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

    public bool Matches(Diagnostic diagnostic)
    {
        if (diagnostic.Id != Id)
        {
            return false;
        }

        if (MessageContains != null && !diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(MessageContains, StringComparison.Ordinal))
        {
            return false;
        }

        if (Severity != null && diagnostic.Severity != Severity)
        {
            return false;
        }

        if (!HasLocation)
        {
            return diagnostic.Location == Location.None || diagnostic.Location.Kind == LocationKind.None;
        }

        var span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || span.Path != Path)
        {
            return false;
        }

        return span.StartLinePosition.Line + 1 == Line
            && span.StartLinePosition.Character + 1 == Column
            && (EndLine == 0 || (span.EndLinePosition.Line + 1 == EndLine && span.EndLinePosition.Character + 1 == EndColumn));
    }

    public override string ToString()
    {
        var where = !HasLocation ? "(no location)" : EndLine == 0 ? $"{Path}({Line},{Column})" : $"{Path}({Line},{Column})-({EndLine},{EndColumn})";
        var message = MessageContains == null ? "" : $" message containing \"{MessageContains}\"";
        var severity = Severity == null ? "" : $" [{Severity}]";
        return $"{Id} {where}{severity}{message}";
    }
}
