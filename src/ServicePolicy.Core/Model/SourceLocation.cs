namespace ServicePolicy.Core.Model;

/// <summary>A place in a policy file: 1-based line and column, with the end of the span when known.</summary>
public readonly struct SourceLocation : IEquatable<SourceLocation>
{
    public SourceLocation(string file, int line, int column, int endLine = 0, int endColumn = 0)
    {
        File = file ?? "";
        Line = line;
        Column = column;
        EndLine = endLine == 0 ? line : endLine;
        EndColumn = endColumn == 0 ? column : endColumn;
    }

    public static SourceLocation None => default;

    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public int EndLine { get; }
    public int EndColumn { get; }

    public bool IsKnown => Line > 0;

    /// <summary><c>file:line:column</c>, the form compilers and editors understand.</summary>
    public override string ToString() => IsKnown ? $"{File}:{Line}:{Column}" : File;

    public bool Equals(SourceLocation other) =>
        File == other.File && Line == other.Line && Column == other.Column && EndLine == other.EndLine && EndColumn == other.EndColumn;

    public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

    public override int GetHashCode() => ((File?.GetHashCode() ?? 0) * 397) ^ (Line * 31) ^ Column;
}
