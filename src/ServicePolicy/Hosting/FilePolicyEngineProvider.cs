namespace ServicePolicy.Hosting;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Telemetry;

/// <summary>
/// Loads the policy file, and with <see cref="ServicePolicyOptions.ReloadOnChange"/> watches it (and
/// the files it includes) and reloads after a quiet period. A successful reload replaces the engine
/// in one reference write, so requests in flight finish on the engine they started with; a failed
/// one keeps the last good engine and logs the errors. If the very first load fails, the engine fails
/// closed (or open, if configured) until a good version of the file appears.
/// </summary>
public sealed class FilePolicyEngineProvider : IPolicyEngineProvider, IDisposable
{
    private readonly ServicePolicyOptions _options;
    private readonly ILogger _logger;
    private readonly object _reloadLock = new();
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly Timer? _debounce;
    private PolicyEngine _current;
    private bool _hasGoodPolicy;
    private bool _disposed;

    public FilePolicyEngineProvider(ServicePolicyOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = options.LoggerFactory?.CreateLogger("ServicePolicy.Loading") ?? NullLogger.Instance;
        _current = Load(out var loaded, out _);
        _hasGoodPolicy = loaded;
        if (options.ReloadOnChange)
        {
            _debounce = new Timer(_ => SafeReload(), null, Timeout.Infinite, Timeout.Infinite);
            Watch(_current);
        }
    }

    public PolicyEngine Current => Volatile.Read(ref _current);

    public event EventHandler<PolicyReloadResult>? Reloaded;

    public PolicyReloadResult Reload()
    {
        PolicyReloadResult result;
        lock (_reloadLock)
        {
            var candidate = Load(out var loaded, out var errors);
            if (loaded)
            {
                Volatile.Write(ref _current, candidate);
                _hasGoodPolicy = true;
                result = new PolicyReloadResult(true, errors, candidate);
            }
            else
            {
                if (!_hasGoodPolicy)
                {
                    // Never had a good policy: stay closed, but name the latest errors.
                    Volatile.Write(ref _current, candidate);
                }
                else
                {
                    DecisionLog.ReloadRejected(_logger, _options.PolicyPath);
                }

                result = new PolicyReloadResult(false, errors, Current);
            }

            if (_options.ReloadOnChange && loaded)
            {
                Watch(candidate);
            }
        }

        Reloaded?.Invoke(this, result);
        return result;
    }

    private PolicyEngine Load(out bool loaded, out IReadOnlyList<PolicyError> errors)
    {
        var result = PolicyLoader.LoadFile(_options.PolicyPath, _options.LoadOptions);
        var engine = PolicyEngine.FromLoadResult(result, _options.PolicyPath, _options);
        loaded = engine.Compiled != null;
        errors = engine.LoadErrors;
        return engine;
    }

    private void SafeReload()
    {
        try
        {
            if (!_disposed)
            {
                Reload();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Reloading the policy {PolicyPath} failed; the policy in force is unchanged", _options.PolicyPath);
        }
    }

    /// <summary>Watches the directories of the policy and of every file it includes.</summary>
    private void Watch(PolicyEngine engine)
    {
        var root = Path.GetFullPath(_options.PolicyPath);
        var files = new List<string> { root };
        foreach (var source in engine.Policy?.SourceFiles ?? new List<string>())
        {
            try
            {
                files.Add(Path.GetFullPath(source));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // A source name that is not a path (policy text loaded from memory): nothing to watch.
            }
        }

        var directories = files.Select(Path.GetDirectoryName).Where(d => !string.IsNullOrEmpty(d) && Directory.Exists(d)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var directory in directories)
        {
            if (_watchers.Any(w => string.Equals(w.Path, directory, StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                var watcher = new FileSystemWatcher(directory!)
                {
                    IncludeSubdirectories = false,
                    NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += OnChanged;
                watcher.Created += OnChanged;
                watcher.Renamed += OnChanged;
                watcher.Deleted += OnChanged;
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                _logger.LogWarning(ex, "Cannot watch {Directory} for policy changes; call Reload() to apply edits", directory);
            }
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        var extension = Path.GetExtension(e.FullPath);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_reloadLock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }

        _debounce?.Dispose();
    }
}
