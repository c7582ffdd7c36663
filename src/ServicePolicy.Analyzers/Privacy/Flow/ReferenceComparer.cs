using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// Identity comparison for per-compilation caches on the hot path. Symbol equality hashes a
/// constructed generic type or method member by member on every lookup; within one compilation the
/// same symbol is almost always the same object, and a rare second object for an equal symbol only
/// costs one more (equal) cache entry.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
