namespace ServicePolicy.Cli.Infrastructure;

/// <summary>The exit codes are a contract with build pipelines (see docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything checked out.</summary>
    public const int Clean = 0;

    /// <summary>Violations found, or tests failed.</summary>
    public const int Violations = 1;

    /// <summary>Bad usage, or input that cannot be read.</summary>
    public const int BadInput = 2;
}
