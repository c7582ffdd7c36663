namespace ServicePolicy.Analyzers.Infrastructure;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Turns what the policy loader found into SP9001 diagnostics at their line and column in the YAML.</summary>
internal static class PolicyDiagnostics
{
    public static IEnumerable<Diagnostic> FromLoad(LoadedPolicy loaded, AdditionalFileIndex files)
    {
        foreach (var error in loaded.Result.Errors)
        {
            var message = error.Hint == null ? error.Message : error.Message + " " + error.Hint;
            if (error.Code == PolicyErrorCodes.Include && IsAboutMissingInclude(error, loaded))
            {
                var missing = string.Join(", ", loaded.MissingIncludes.OrderBy(p => p, StringComparer.Ordinal).Select(p => "`" + p + "`"));
                message += $" Analyzers read only AdditionalFiles: add {missing} to the project as an <AdditionalFiles Include=\"...\" /> item.";
            }

            var location = LocationOf(error.Location, loaded.RootPath, files);
            var severity = error.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            yield return Diagnostic.Create(Descriptors.SP9001PolicyInvalid, location, severity, additionalLocations: null, properties: null, error.Code, message);
        }
    }

    /// <summary>Files with a policy name that the chosen policy does not include: a warning, since only one policy applies.</summary>
    public static IEnumerable<Diagnostic> IgnoredCandidates(LoadedPolicy loaded, PolicyFileSelection selection, AdditionalFileIndex files)
    {
        var included = new HashSet<string>(loaded.Dependencies.Select(d => d.NormalizedPath), StringComparer.Ordinal);
        foreach (var other in selection.OtherCandidates)
        {
            if (included.Contains(PolicyFileLocator.NormalizePath(other.Path)))
            {
                continue;
            }

            var location = LocationOf(new SourceLocation(other.Path, 1, 1), loaded.RootPath, files);
            yield return Diagnostic.Create(
                Descriptors.SP9001PolicyInvalid,
                location,
                DiagnosticSeverity.Warning,
                additionalLocations: null,
                properties: null,
                "ignored-policy-file",
                $"`{other.Path}` looks like a policy but is ignored: the analyzers use `{loaded.RootPath}`. Include it from there, or set the ServicePolicyFile property to choose.");
        }
    }

    /// <summary>
    /// The location of a policy position: the AdditionalText's path, the span from the 1-based
    /// line and column to the end column (or the end of the word there).
    /// </summary>
    public static Location LocationOf(SourceLocation source, string rootPath, AdditionalFileIndex files)
    {
        var file = string.IsNullOrEmpty(source.File) ? null : files.Find(source.File);
        var path = file?.Path ?? (string.IsNullOrEmpty(source.File) ? rootPath : source.File);
        if (!source.IsKnown)
        {
            return Location.Create(path, default, new LinePositionSpan(default, default));
        }

        var text = file == null ? null : files.SourceText(file);
        var start = new LinePosition(source.Line - 1, Math.Max(0, source.Column - 1));
        if (text == null || start.Line >= text.Lines.Count)
        {
            var end = source.EndLine > source.Line || source.EndColumn > source.Column ? new LinePosition(source.EndLine - 1, Math.Max(0, source.EndColumn - 1)) : start;
            return Location.Create(path, default, new LinePositionSpan(start, end));
        }

        var line = text.Lines[start.Line];
        var startOffset = Math.Min(line.Start + start.Character, line.End);
        int endOffset;
        if (source.EndLine > source.Line && source.EndLine - 1 < text.Lines.Count)
        {
            var endLine = text.Lines[source.EndLine - 1];
            endOffset = Math.Min(endLine.Start + Math.Max(0, source.EndColumn - 1), endLine.End);
        }
        else if (source.EndLine == source.Line && source.EndColumn > source.Column)
        {
            endOffset = Math.Min(line.Start + source.EndColumn - 1, line.End);
        }
        else
        {
            endOffset = EndOfToken(text, startOffset, line.End);
        }

        endOffset = Math.Max(startOffset, endOffset);
        var span = TextSpan.FromBounds(startOffset, endOffset);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>The end of the YAML scalar or key that starts at <paramref name="start"/> (up to the end of the line).</summary>
    private static int EndOfToken(SourceText text, int start, int lineEnd)
    {
        var position = start;
        while (position < lineEnd && text[position] != ':' && text[position] != '#' && text[position] != ',' && text[position] != ']' && text[position] != '}')
        {
            position++;
        }

        while (position > start && char.IsWhiteSpace(text[position - 1]))
        {
            position--;
        }

        return position;
    }

    private static bool IsAboutMissingInclude(PolicyError error, LoadedPolicy loaded) =>
        loaded.MissingIncludes.Count > 0 && error.Message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0;
}
