namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using Microsoft.CodeAnalysis;

/// <summary>
/// Symbol equality for the per-compilation caches on the hot path, with an identity check first.
/// Identity alone is not enough: the compiler makes a new object for a constructed type or member
/// (<c>ILogger&lt;OrderService&gt;</c>, <c>Task&lt;Customer&gt;</c>, <c>List&lt;Customer&gt;.Count</c>)
/// in each body that uses it, so an identity-keyed cache missed on every body and recomputed the
/// type's whole-object classification each time: about 40% of the flow engine's sampled time on the
/// 200,000-line project of docs/performance.md, about 20% with this comparer. Symbol equality hashes
/// such a symbol from its original definition and its type arguments, cheap next to that recomputation.
/// </summary>
internal sealed class SymbolKeyComparer<T> : IEqualityComparer<T>
    where T : class, ISymbol
{
    public static readonly SymbolKeyComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y) || SymbolEqualityComparer.Default.Equals(x, y);

    public int GetHashCode(T obj) => SymbolEqualityComparer.Default.GetHashCode(obj);
}
