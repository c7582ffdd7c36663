namespace ServicePolicy.Core.Tests.Fuzz;

/// <summary>
/// How long the property-based fuzz tests run. By default a fixed number of cases each (a few
/// seconds in all, as CI runs them); SERVICEPOLICY_FUZZ_SECONDS=n runs each property for n seconds
/// instead, for a long campaign (docs/ci.md, "Fuzzing").
/// </summary>
internal static class FuzzBudget
{
    public const long DefaultIterations = 400;

    /// <summary>Seconds per property, or -1 to run <see cref="DefaultIterations"/> cases.</summary>
    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("SERVICEPOLICY_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? seconds : -1;

    public static long Iterations => Seconds > 0 ? -1 : DefaultIterations;
}
