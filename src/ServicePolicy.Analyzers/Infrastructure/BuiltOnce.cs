namespace ServicePolicy.Analyzers.Infrastructure;

using System;
using System.Threading;

/// <summary>
/// A per-compilation value built by whichever callback asks first and read without a lock afterwards
/// (it is asked for once per file, and a contended lock spins). Not <see cref="Lazy{T}"/>: a build
/// cancelled half-way must not leave a cached exception behind.
/// </summary>
internal sealed class BuiltOnce<T>
    where T : class
{
    private readonly object _gate = new();
    private T? _value;

    public T Get(Func<T> build)
    {
        if (Volatile.Read(ref _value) is { } built)
        {
            return built;
        }

        lock (_gate)
        {
            if (_value == null)
            {
                Volatile.Write(ref _value, build());
            }

            return _value!;
        }
    }
}
