namespace ServicePolicy.Analyzers.Classification;

using System.Runtime.CompilerServices;
using ServicePolicy.Core;

/// <summary>
/// One name pattern from the policy, such as <c>Customer.Email</c>, <c>MyApp.Crm.Client.Post*</c>,
/// <c>*Router</c> or <c>IReplySender.Send(body)</c>, compiled once into literal pieces so that
/// matching a symbol is a few ordinal comparisons (no regular expression per symbol).
/// </summary>
/// <remarks>
/// A pattern matches a dotted name when it matches the whole name or any trailing part of it that
/// starts after a dot: <c>Customer.Email</c> matches <c>Shop.Domain.Customer.Email</c>, and
/// <c>Email</c> matches every member named Email. <c>*</c> matches any run of characters, dots
/// included. Matching is case-sensitive, like C#.
/// </remarks>
internal sealed class SymbolPattern
{
    private readonly string[] _pieces;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;
    private readonly int _minimumLength;

    private SymbolPattern(string text, string namePattern, IReadOnlyList<string> parameterNames)
    {
        Text = text;
        NamePart = namePattern;
        ParameterNames = parameterNames;
        _anchoredStart = !namePattern.StartsWith("*", StringComparison.Ordinal);
        _anchoredEnd = !namePattern.EndsWith("*", StringComparison.Ordinal);
        _pieces = namePattern.Split(new[] { '*' }, StringSplitOptions.RemoveEmptyEntries);
        _minimumLength = _pieces.Sum(p => p.Length);
        MatchesEverything = _pieces.Length == 0;
    }

    /// <summary>The pattern as written in the policy.</summary>
    public string Text { get; }

    /// <summary>The dotted name glob without parameters or <c>global::</c>: <c>Type.Method</c> for <c>global::Type.Method(a)</c>.</summary>
    public string NamePart { get; }

    /// <summary>For <c>Type.Method(a, b)</c>: the parameter names; empty when the pattern names no parameter.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>True for <c>*</c> (or an empty name part).</summary>
    public bool MatchesEverything { get; }

    /// <summary>Compiles a pattern; returns null for a blank one.</summary>
    public static SymbolPattern? Create(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text!.Trim();
        var namePart = trimmed;
        IReadOnlyList<string> parameters = Array.Empty<string>();
        var open = trimmed.IndexOf('(');
        if (open >= 0)
        {
            var close = trimmed.IndexOf(')', open + 1);
            var inside = close > open ? trimmed.Substring(open + 1, close - open - 1) : trimmed.Substring(open + 1);
            parameters = inside.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
            namePart = trimmed.Substring(0, open).Trim();
        }

        // "global::" is how generated code spells a full name; the pattern means the same without it.
        if (namePart.StartsWith("global::", StringComparison.Ordinal))
        {
            namePart = namePart.Substring("global::".Length);
        }

        return new SymbolPattern(trimmed, namePart, parameters);
    }

    /// <summary>True when the pattern matches <paramref name="dottedName"/> or a trailing part of it starting after a dot.</summary>
    public bool Matches(string dottedName)
    {
        if (MatchesEverything)
        {
            return true;
        }

        if (MatchesFrom(dottedName, 0))
        {
            return true;
        }

        for (var i = dottedName.IndexOf('.'); i >= 0; i = dottedName.IndexOf('.', i + 1))
        {
            if (MatchesFrom(dottedName, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Glob match of the pieces against <paramref name="name"/> from <paramref name="start"/> to its end.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    private bool MatchesFrom(string name, int start)
    {
        var length = name.Length - start;
        if (length < _minimumLength)
        {
            return false;
        }

        var first = 0;
        var last = _pieces.Length - 1;
        var position = start;
        var end = name.Length;

        if (_anchoredStart)
        {
            var piece = _pieces[0];
            if (string.CompareOrdinal(name, start, piece, 0, piece.Length) != 0)
            {
                return false;
            }

            position += piece.Length;
            first = 1;
            if (_pieces.Length == 1 && _anchoredEnd)
            {
                return position == end;
            }
        }

        if (_anchoredEnd && last >= first)
        {
            var piece = _pieces[last];
            if (end - piece.Length < position || string.CompareOrdinal(name, end - piece.Length, piece, 0, piece.Length) != 0)
            {
                return false;
            }

            end -= piece.Length;
            last--;
        }

        // The middle pieces may float: taking the leftmost occurrence of each is always safe for '*'-only globs.
        for (var i = first; i <= last; i++)
        {
            var piece = _pieces[i];
            var found = end - position >= piece.Length ? name.IndexOf(piece, position, end - position, StringComparison.Ordinal) : -1;
            if (found < 0)
            {
                return false;
            }

            position = found + piece.Length;
        }

        return true;
    }

    public override string ToString() => Text;
}
