namespace ServicePolicy;

using ServicePolicy.Core.Loading;

/// <summary>The policy has errors that stop it from being compiled into an engine.</summary>
public sealed class PolicyCompilationException : Exception
{
    public PolicyCompilationException(IReadOnlyList<PolicyError> errors)
        : base("The policy cannot be compiled:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Where(e => e.IsError).Select(e => "  " + e)))
    {
        Errors = errors;
    }

    public IReadOnlyList<PolicyError> Errors { get; }
}
