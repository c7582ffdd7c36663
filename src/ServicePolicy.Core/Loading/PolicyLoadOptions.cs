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

    /// <summary>
    /// Extra folders whose files <c>include:</c> may name, beside the folder of the policy being
    /// loaded and the folders below it (the only place an include may point to by default). Use it
    /// for a shared pack kept elsewhere, such as a company policy in <c>policies/company/</c>
    /// including <c>../service-ethics.yaml</c>: name <c>policies/</c> here.
    /// </summary>
    public IReadOnlyList<string> IncludeRoots { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Keep includes inside the policy's folder and <see cref="IncludeRoots"/> (on by default).
    /// Only a <see cref="ReadFile"/> that is itself an allow-list may turn it off: the analyzers
    /// read nothing but the files the project lists as AdditionalFiles.
    /// </summary>
    public bool ConfineIncludes { get; set; } = true;

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
