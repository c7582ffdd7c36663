namespace ServicePolicy.Core;

using System.Runtime.CompilerServices;

/// <summary>
/// <c>[MethodImpl(HotPath.OptimizeAtOnce)]</c> marks the innermost loops of the analyzers and of the text
/// scanner they share with the engine, which the JIT then compiles fully optimized on first call
/// instead of at tier 0.
/// </summary>
/// <remarks>
/// Why: in a one-shot compiler run (a build without the compiler server, which MSBuild also chooses by
/// itself for some projects) the runtime's background JIT thread spends the whole compilation promoting
/// the compiler's own methods, and the analyzers' methods, called later, never reach the front of its
/// queue: in a perf profile of the 203k-line project all of them stayed at tier 0 to the end
/// (docs/performance.md). In an application the text scanner's loops are hot from the first message
/// anyway. The value is <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not
/// name; runtimes that do not know it (.NET Framework) ignore it.
/// </remarks>
internal static class HotPath
{
    public const MethodImplOptions OptimizeAtOnce = (MethodImplOptions)512;
}
