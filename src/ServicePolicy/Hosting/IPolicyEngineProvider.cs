namespace ServicePolicy.Hosting;

using ServicePolicy.Core.Loading;

/// <summary>Holds the engine currently in force and swaps it atomically when the policy is reloaded.</summary>
public interface IPolicyEngineProvider
{
    /// <summary>The engine in force. Read it once per request: each engine is immutable, so a decision is consistent with one policy version.</summary>
    PolicyEngine Current { get; }

    /// <summary>Raised after every reload attempt, successful or not.</summary>
    event EventHandler<PolicyReloadResult>? Reloaded;

    /// <summary>Reloads the policy file now. An invalid edit keeps the last good policy in force (and is logged).</summary>
    PolicyReloadResult Reload();
}

/// <summary>The outcome of a reload.</summary>
public sealed class PolicyReloadResult : EventArgs
{
    public PolicyReloadResult(bool succeeded, IReadOnlyList<PolicyError> errors, PolicyEngine current)
    {
        Succeeded = succeeded;
        Errors = errors;
        Current = current;
    }

    /// <summary>True when the new policy is now in force.</summary>
    public bool Succeeded { get; }

    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>The engine in force after the attempt.</summary>
    public PolicyEngine Current { get; }
}
