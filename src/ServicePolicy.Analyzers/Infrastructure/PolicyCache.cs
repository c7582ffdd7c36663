namespace ServicePolicy.Analyzers.Infrastructure;

using System.Collections.Concurrent;
using ServicePolicy.Core.Loading;

/// <summary>
/// Parses each policy content once. The compiler and the IDE create a new compilation on every
/// edit; the policy rarely changes, so its parse, bindings and phrase matcher are kept, keyed by
/// the root path and a hash of its text, and checked against the text itself and against the
/// current contents of every included file. Bounded: the least recently used entries go first.
/// </summary>
internal static class PolicyCache
{
    internal const int Capacity = 16;

    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
    private static long _clock;

    /// <summary>How many policies are cached now.</summary>
    internal static int Count => Entries.Count;

    /// <summary>
    /// The loaded policy for <paramref name="rootPath"/> with <paramref name="rootText"/>; includes are read
    /// through <paramref name="readFile"/> (normalised full path to text, or null when absent).
    /// </summary>
    public static LoadedPolicy GetOrLoad(string rootPath, string rootText, Func<string, string?> readFile, CancellationToken cancellationToken)
    {
        var key = rootPath + "|" + Hash(rootText).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        if (Entries.TryGetValue(key, out var entry) && IsCurrent(entry.Policy, rootText, readFile))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            return entry.Policy;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var loaded = Load(rootPath, rootText, readFile);
        Entries[key] = new Entry(loaded) { LastUsed = Interlocked.Increment(ref _clock) };
        Trim();
        return loaded;
    }

    /// <summary>Forgets every entry (tests only).</summary>
    internal static void Clear() => Entries.Clear();

    private static LoadedPolicy Load(string rootPath, string rootText, Func<string, string?> readFile)
    {
        var dependencies = new List<PolicyDependency>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var options = new PolicyLoadOptions
        {
            // The reader below serves only the project's AdditionalFiles: that list, not the
            // policy's folder, decides what a policy in a build may include.
            ConfineIncludes = false,
            ReadFile = fullPath =>
            {
                var normalized = PolicyFileLocator.NormalizePath(fullPath);
                var text = readFile(normalized);
                lock (dependencies)
                {
                    dependencies.Add(new PolicyDependency(normalized, text));
                    if (text == null)
                    {
                        missing.Add(normalized);
                    }
                }

                return text;
            },
        };

        var result = PolicyLoader.LoadText(rootText, rootPath, options);
        return new LoadedPolicy(rootPath, rootText, dependencies, result, missing);
    }

    private static bool IsCurrent(LoadedPolicy policy, string rootText, Func<string, string?> readFile)
    {
        if (!string.Equals(policy.RootText, rootText, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var dependency in policy.Dependencies)
        {
            if (!string.Equals(readFile(dependency.NormalizedPath), dependency.Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void Trim()
    {
        while (Entries.Count > Capacity)
        {
            var oldest = Entries.OrderBy(e => e.Value.LastUsed).FirstOrDefault();
            if (oldest.Key == null || !Entries.TryRemove(oldest.Key, out _))
            {
                return;
            }
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: cheap, and only a key; equality is checked on the text itself.</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private sealed class Entry
    {
        public Entry(LoadedPolicy policy) => Policy = policy;

        public LoadedPolicy Policy { get; }

        public long LastUsed { get; set; }
    }
}
