namespace ServicePolicy.Tests;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>A clock that reads what the test sets.</summary>
internal sealed class ManualClock : TimeProvider
{
    public ManualClock(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The shipped seed pack, loaded once, and engines over it.</summary>
internal static class SeedPack
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Policy> Loaded = new(() =>
    {
        var result = PolicyLoader.LoadFile(RepositoryPaths.SeedPack);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Policy!;
    });

    public static Policy Policy => Loaded.Value;

    public static PolicyEngine Engine(InMemoryConsentStore? consents = null, DateTimeOffset? now = null) =>
        PolicyEngine.Create(Policy, new PolicyEngineOptions { ConsentStore = consents ?? new InMemoryConsentStore(), TimeProvider = new ManualClock(now ?? Now), RegexTimeout = TimeSpan.FromSeconds(2) });
}

/// <summary>Small policies written inline for focused tests.</summary>
internal static class InlinePolicy
{
    public const string Header = "apiVersion: servicepolicy/v1\nmetadata:\n  name: inline\n  version: \"1.0\"\n";

    public static Policy Load(string body)
    {
        var result = PolicyLoader.LoadText(Header + body, "inline.yaml");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Policy!;
    }

    /// <summary>Loads without the validator, to test the engine's own defences against what validation would refuse.</summary>
    public static Policy LoadUnvalidated(string body)
    {
        var result = PolicyLoader.LoadText(Header + body, "inline.yaml", new PolicyLoadOptions { Validate = false });
        Assert.NotNull(result.Policy);
        return result.Policy!;
    }

    public static PolicyEngine Engine(string body, PolicyEngineOptions? options = null) => PolicyEngine.Create(Load(body), options);
}
