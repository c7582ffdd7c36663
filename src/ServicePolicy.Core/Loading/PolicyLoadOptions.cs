namespace ServicePolicy.Core.Loading;

using ServicePolicy.Core.Model;

public sealed class PolicyLoadOptions
{
    public static PolicyLoadOptions Default { get; } = new();

    public LoaderLimits Limits { get; set; } = LoaderLimits.Default;

    /// <summary>
    /// Reads an included file by full path; returns null when it does not exist. Defaults to the
    /// file system. The analyzers pass the compilation's AdditionalFiles here, since analyzers
    /// must not touch the disk.
    /// </summary>
    public Func<string, string?>? ReadFile { get; set; }

    /// <summary>Run semantic validation after binding (on by default).</summary>
    public bool Validate { get; set; } = true;
}

/// <summary>What loading a policy produced: the policy (unless it could not be read at all) and every problem found.</summary>
public sealed class PolicyLoadResult
{
    public PolicyLoadResult(Policy? policy, IReadOnlyList<PolicyError> errors)
    {
        Policy = policy;
        Errors = errors;
    }

    /// <summary>The policy, when the file could be read. It may still have errors: check <see cref="Succeeded"/>.</summary>
    public Model.Policy? Policy { get; }

    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>True when the policy was read and has no error (warnings allowed).</summary>
    public bool Succeeded => Policy != null && !Errors.Any(e => e.IsError);
}
