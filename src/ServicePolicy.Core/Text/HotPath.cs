namespace ServicePolicy.Core.Text;

using System.Runtime.CompilerServices;

/// <summary>
/// <c>[MethodImpl(HotPath.OptimizeAtOnce)]</c> marks the text scan's inner loops, which the JIT then
/// compiles fully optimized on first call instead of at tier 0. Inside a one-shot compiler run (SP3001)
/// the runtime's background JIT never got to promote them (docs/performance.md); in an application
/// the loops are hot from the first message anyway. The value is
/// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; runtimes that do
/// not know it ignore it.
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions OptimizeAtOnce = (MethodImplOptions)512;
}
