namespace ServicePolicy.Compilation;

using ServicePolicy.Core.Model;

/// <summary>A policy compiled for evaluation. Immutable once built, so one instance serves every thread.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(Policy policy, PolicyContext context, Dictionary<string, CompiledAction> actions)
    {
        Policy = policy;
        Context = context;
        Actions = actions;
        // The root file's own name and version: a company policy that includes a pack is not that pack.
        Name = policy.Identity.Name.Length > 0 ? policy.Identity.Name : policy.Metadata.Name;
        Version = policy.Identity.Version.Length > 0 ? policy.Identity.Version : policy.Metadata.Version;
    }

    public Policy Policy { get; }

    public PolicyContext Context { get; }

    public Dictionary<string, CompiledAction> Actions { get; }

    public string Name { get; }

    public string Version { get; }
}
