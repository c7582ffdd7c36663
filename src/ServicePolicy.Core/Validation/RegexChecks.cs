namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>Reports invalid and backtracking-prone regular expressions (text patterns and `matches` tests).</summary>
public static class RegexChecks
{
    public static void Check(ValidationContext context, string pattern, SourceLocation location, string owner, bool ignoreCase)
    {
        if (pattern.Length == 0)
        {
            context.Error(PolicyErrorCodes.InvalidRegex, $"The regular expression of {owner} is empty, so it would match every text.", location, "Write the pattern to look for, such as `only \\d+ left`.");
            return;
        }

        var verdict = RegexSafety.Analyze(pattern, ignoreCase);
        if (!verdict.IsValid)
        {
            var where = verdict.ErrorOffset >= 0 ? ValidationContext.LocationInScalar(location, pattern, Math.Min(verdict.ErrorOffset, pattern.Length)) : location;
            context.Error(
                PolicyErrorCodes.InvalidRegex,
                $"The regular expression of {owner} is not valid: {verdict.SyntaxError}.",
                where,
                "Check that every `(` and `[` is closed and that special characters such as `.`, `(` or `?` are escaped with a backslash. In double quotes, each backslash is written twice.");
            return;
        }

        if (!verdict.IsSafe)
        {
            context.Error(
                PolicyErrorCodes.UnsafeRegex,
                $"The regular expression of {owner} could make the engine hang: `{verdict.RiskyPart}` {verdict.Risk}.",
                ValidationContext.LocationInScalar(location, pattern, Math.Max(0, verdict.RiskOffset)),
                "Rewrite it so that repeats do not nest, for example `\\w+(\\s\\w+)*` instead of `(\\w+\\s?)*`, or make the inner part atomic with `(?>...)`.");
        }
    }
}
