namespace ServicePolicy.Cli.Testing;

using System.Text.RegularExpressions;

/// <summary>
/// `--filter`: a glob (<c>*</c> and <c>?</c>) matched against the whole case name, or else a
/// substring; both ignore case.
/// </summary>
public sealed class TestFilter
{
    private readonly string? _substring;
    private readonly Regex? _glob;

    public TestFilter(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return;
        }

        if (pattern.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
            _glob = new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }
        else
        {
            _substring = pattern;
        }
    }

    public bool IsEmpty => _substring == null && _glob == null;

    public bool Matches(string name) =>
        _glob != null ? _glob.IsMatch(name)
        : _substring == null || name.Contains(_substring, StringComparison.OrdinalIgnoreCase);
}
