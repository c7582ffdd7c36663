namespace ServicePolicy.Core.Text;

using System.Text.RegularExpressions;
using ServicePolicy.Core.Model;

/// <summary>A policy's regular-expression pattern, compiled once with a time limit.</summary>
internal sealed class CompiledPattern
{
    private CompiledPattern(string id, PhraseKind kind, Regex regex)
    {
        Id = id;
        Kind = kind;
        Regex = regex;
    }

    public string Id { get; }
    public PhraseKind Kind { get; }
    public Regex Regex { get; }

    /// <summary>Compiles a pattern; returns null with a problem description when it cannot be used.</summary>
    public static CompiledPattern? Create(TextPattern pattern, TimeSpan timeout, out string? problem)
    {
        problem = null;
        if (!TryParseKind(pattern.Kind, out var kind))
        {
            problem = $"The text pattern `{pattern.Id}` has the kind `{pattern.Kind}`; it must be claim, disrespectful or promise.";
            return null;
        }

        if (string.IsNullOrEmpty(pattern.Regex))
        {
            problem = $"The text pattern `{pattern.Id}` has no regular expression.";
            return null;
        }

        try
        {
            // Patterns run on normalised text, which has no accents: "garantía" in a pattern must
            // find "garantia". Case is left to IgnoreCase so that escapes such as \D keep their meaning.
            var source = TextNormalizer.StripAccents(pattern.Regex);
            var regex = new Regex(source, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled, timeout);
            return new CompiledPattern(pattern.Id, kind, regex);
        }
        catch (ArgumentException ex)
        {
            problem = $"The text pattern `{pattern.Id}` is not a valid regular expression: {ex.Message}";
            return null;
        }
    }

    public static bool TryParseKind(string? text, out PhraseKind kind)
    {
        switch (text)
        {
            case "claim":
            case "":
                kind = PhraseKind.Claim;
                return true;
            case "disrespectful":
                kind = PhraseKind.Disrespectful;
                return true;
            case "promise":
                kind = PhraseKind.Promise;
                return true;
            default:
                kind = PhraseKind.Claim;
                return false;
        }
    }
}
