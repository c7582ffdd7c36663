namespace ServicePolicy.Core.Validation;

/// <summary>What <see cref="RegexSafety"/> found out about a regular expression.</summary>
public sealed class RegexVerdict
{
    internal RegexVerdict(string? syntaxError, int errorOffset, string? risk, int riskOffset, string? riskyPart)
    {
        SyntaxError = syntaxError;
        ErrorOffset = errorOffset;
        Risk = risk;
        RiskOffset = riskOffset;
        RiskyPart = riskyPart;
    }

    /// <summary>True when .NET accepts the pattern.</summary>
    public bool IsValid => SyntaxError == null;

    /// <summary>True when the pattern is valid and no catastrophic-backtracking shape was found in it.</summary>
    public bool IsSafe => IsValid && Risk == null;

    /// <summary>Why the pattern is not a valid regular expression, in plain words; null when it is.</summary>
    public string? SyntaxError { get; }

    /// <summary>0-based offset of the syntax error in the pattern, or -1 when .NET did not say.</summary>
    public int ErrorOffset { get; }

    /// <summary>Why the pattern can take exponential time, in plain words, to follow the risky part ("repeats a part that itself repeats..."); null when no risk was found.</summary>
    public string? Risk { get; }

    /// <summary>0-based offset of the risky part in the pattern, or -1.</summary>
    public int RiskOffset { get; }

    /// <summary>The risky part of the pattern, as written (shortened when long).</summary>
    public string? RiskyPart { get; }
}
