namespace ServicePolicy.Hosting;

/// <summary>Options of <c>AddServicePolicy</c>: where the policy is, and whether to follow its edits.</summary>
public sealed class ServicePolicyOptions : PolicyEngineOptions
{
    /// <summary>The policy file (relative paths are resolved against the current directory).</summary>
    public string PolicyPath { get; set; } = "servicepolicy.yaml";

    /// <summary>Reload the policy when the file (or a file it includes) changes. On by default.</summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>How long to wait after the last change before looking at the file (editors write files in several steps).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How long an edited file must stay byte for byte the same before it is loaded, so that a file
    /// still being written (a copy that pauses, a slow network share) is never installed half done.
    /// A file moved into place by a rename is complete at once and skips this wait. Two seconds by default.
    /// </summary>
    public TimeSpan SettlePeriod { get; set; } = TimeSpan.FromSeconds(2);
}
