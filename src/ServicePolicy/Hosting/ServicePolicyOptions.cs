namespace ServicePolicy.Hosting;

/// <summary>Options of <c>AddServicePolicy</c>: where the policy is, and whether to follow its edits.</summary>
public sealed class ServicePolicyOptions : PolicyEngineOptions
{
    /// <summary>The policy file (relative paths are resolved against the current directory).</summary>
    public string PolicyPath { get; set; } = "servicepolicy.yaml";

    /// <summary>Reload the policy when the file (or a file it includes) changes. On by default.</summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>How long to wait after the last change before reloading (editors write files in several steps).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
