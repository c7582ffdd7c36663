namespace ServicePolicy.Hosting;

/// <summary>The <see cref="IPolicyEngine"/> of the container: each call decides with the engine in force at that moment.</summary>
public sealed class HostedPolicyEngine : IPolicyEngine
{
    private readonly IPolicyEngineProvider _provider;

    public HostedPolicyEngine(IPolicyEngineProvider provider) => _provider = provider ?? throw new ArgumentNullException(nameof(provider));

    public string PolicyName => _provider.Current.PolicyName;

    public string PolicyVersion => _provider.Current.PolicyVersion;

    public Decision Evaluate(string action, object? input, EvaluationContext? context = null) => _provider.Current.Evaluate(action, input, context);

    /// <summary>The engine in force now (read once per decision, so a reload never mixes two policies in one decision).</summary>
    internal PolicyEngine Engine => _provider.Current;
}
