namespace ServicePolicy.Hosting;

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePolicy.Core.Loading;
using ServicePolicy.Telemetry;
using ServicePolicy.Testing;

/// <summary>
/// Loads the policy file, and with <see cref="ServicePolicyOptions.ReloadOnChange"/> watches it (and
/// the files it includes). An edit is installed only when it is complete and passes its own checks:
/// the files stayed byte for byte the same for <see cref="ServicePolicyOptions.SettlePeriod"/> (or the
/// policy was moved into place by a rename), the policy loads, and its embedded tests pass. A
/// successful reload replaces the engine in one reference write, so requests in flight finish on the
/// engine they started with; a refused one keeps the last good engine and logs why. If the very first
/// load fails, the engine fails closed (or open, if configured) until a good version of the file
/// appears; a policy folder that does not exist yet is looked for until it does.
/// </summary>
public sealed class FilePolicyEngineProvider : IPolicyEngineProvider, IDisposable
{
    private readonly ServicePolicyOptions _options;
    private readonly ILogger _logger;
    private readonly object _reloadLock = new();
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly Timer? _debounce;
    private readonly Timer? _folderPoll;
    private readonly string _policyFile;
    private PolicyEngine _current;
    private bool _hasGoodPolicy;
    private volatile bool _disposed;

    // The settle check: the fingerprint last seen, when it was first seen, and whether the last
    // event on the policy file was a rename onto it (an atomic replace: complete at once).
    private string? _pendingFingerprint;
    private long _pendingSince;
    private volatile bool _replacedAtomically;

    public FilePolicyEngineProvider(ServicePolicyOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var problems = ServicePolicyOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _policyFile = Path.GetFullPath(options.PolicyPath);
        _logger = options.LoggerFactory?.CreateLogger("ServicePolicy.Loading") ?? NullLogger.Instance;
        _current = Load(out var loaded, out _);
        _hasGoodPolicy = loaded;
        if (loaded)
        {
            // Nothing better to keep at start-up: a policy whose own tests fail is used, and said so.
            LogFailedTests(_current, out _);
        }

        if (options.ReloadOnChange)
        {
            _debounce = new Timer(_ => SafeCheck(), null, Timeout.Infinite, Timeout.Infinite);
            _folderPoll = new Timer(_ => PollForFolder(), null, Timeout.Infinite, Timeout.Infinite);
            Watch(_current);
        }
    }

    public PolicyEngine Current => Volatile.Read(ref _current);

    public event EventHandler<PolicyReloadResult>? Reloaded;

    /// <summary>Loads the files as they are now (no settle wait: the caller says they are complete), then installs them if they load and pass their tests.</summary>
    public PolicyReloadResult Reload() => Reload(expectedFingerprint: null);

    private PolicyReloadResult Reload(string? expectedFingerprint)
    {
        PolicyReloadResult result;
        lock (_reloadLock)
        {
            var previous = Current;
            var candidate = Load(out var loaded, out var errors);
            if (loaded && expectedFingerprint != null && PolicyFileFingerprint.Of(FilesOf(candidate)) != expectedFingerprint)
            {
                // Written to while it was being read: wait for it to settle again.
                ScheduleCheck(_options.ReloadDelay);
                return new PolicyReloadResult(false, Array.Empty<PolicyError>(), previous);
            }

            if (loaded && _hasGoodPolicy && !LogFailedTests(candidate, out var testErrors))
            {
                errors = testErrors;
                loaded = false;
                candidate = previous;
            }

            if (loaded)
            {
                WarnIfRulesDropped(previous, candidate);
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

    /// <summary>Runs the policy's embedded tests; logs and returns the failures as errors.</summary>
    private bool LogFailedTests(PolicyEngine engine, out IReadOnlyList<PolicyError> errors)
    {
        errors = Array.Empty<PolicyError>();
        if (engine.Policy is not { Tests.Count: > 0 } policy)
        {
            return true;
        }

        var report = PolicyTestRunner.Run(policy);
        if (report.AllPassed)
        {
            return true;
        }

        var failed = report.Results.Where(r => !r.Passed).Select(r => new PolicyError(PolicyErrorCodes.InvalidValue, $"The policy's own test `{r.Name}` fails: {string.Join("; ", r.Failures)}.", r.Test.Location)).ToList();
        errors = failed;
        _logger.LogError("The policy {PolicyPath} fails {Count} of its own tests ({Summary}); the first: {First}", _options.PolicyPath, report.Failed, report.Summary, failed[0].Message);
        return false;
    }

    /// <summary>A new text with the same name and version but fewer rules is most likely a mistake (a truncated copy, a bad merge).</summary>
    private void WarnIfRulesDropped(PolicyEngine previous, PolicyEngine candidate)
    {
        if (previous.Policy is not { } before || candidate.Policy is not { } after)
        {
            return;
        }

        if (before.Metadata.Name == after.Metadata.Name && before.Metadata.Version == after.Metadata.Version)
        {
            var kept = new HashSet<string>(after.Rules.Select(r => r.Id), StringComparer.Ordinal);
            var dropped = before.Rules.Select(r => r.Id).Where(id => !kept.Contains(id)).ToList();
            if (dropped.Count > 0)
            {
                _logger.LogWarning("The reloaded policy {PolicyName} {PolicyVersion} has lost {Count} rules ({Rules}) but kept its version; give a changed policy a new version so that decisions say which one decided", after.Metadata.Name, after.Metadata.Version, dropped.Count, string.Join(", ", dropped));
            }
        }
    }

    private static IEnumerable<string> FilesOf(PolicyEngine engine, string root)
    {
        yield return root;
        foreach (var source in engine.Policy?.SourceFiles ?? new List<string>())
        {
            string full;
            try
            {
                full = Path.GetFullPath(source);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // A source name that is not a path (policy text loaded from memory): nothing to watch.
                continue;
            }

            if (!string.Equals(full, root, StringComparison.Ordinal))
            {
                yield return full;
            }
        }
    }

    private IEnumerable<string> FilesOf(PolicyEngine engine) => FilesOf(engine, _policyFile);

    /// <summary>The watcher's check: load once the files have stayed the same for the settle period, or at once after an atomic replace.</summary>
    private void SafeCheck()
    {
        try
        {
            if (!_disposed)
            {
                CheckSettled();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Reloading the policy {PolicyPath} failed; the policy in force is unchanged", _options.PolicyPath);
        }
    }

    private void CheckSettled()
    {
        var fingerprint = PolicyFileFingerprint.Of(FilesOf(Current));
        if (fingerprint == null)
        {
            // Missing or unreadable for now (deleted, being replaced): look again later.
            _pendingFingerprint = null;
            ScheduleCheck(_options.SettlePeriod);
            return;
        }

        if (_replacedAtomically)
        {
            _replacedAtomically = false;
            _pendingFingerprint = null;
            Reload(fingerprint);
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (fingerprint != _pendingFingerprint)
        {
            _pendingFingerprint = fingerprint;
            _pendingSince = now;
            ScheduleCheck(_options.SettlePeriod);
            return;
        }

        var quiet = Stopwatch.GetElapsedTime(_pendingSince, now);
        if (quiet < _options.SettlePeriod)
        {
            ScheduleCheck(_options.SettlePeriod - quiet);
            return;
        }

        _pendingFingerprint = null;
        Reload(fingerprint);
    }

    private void ScheduleCheck(TimeSpan delay)
    {
        if (!_disposed)
        {
            try
            {
                _debounce?.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: nothing left to reload.
            }
        }
    }

    /// <summary>Watches the directories of the policy and of every file it includes; a missing policy folder is looked for until it appears.</summary>
    private void Watch(PolicyEngine engine)
    {
        var directories = FilesOf(engine).Select(Path.GetDirectoryName).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                if (string.Equals(directory, Path.GetDirectoryName(_policyFile), StringComparison.Ordinal))
                {
                    _logger.LogWarning("The policy folder {Directory} does not exist; every action is denied until it and the policy appear", directory);
                    _folderPoll?.Change(FolderPollInterval, FolderPollInterval);
                }

                continue;
            }

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

    private TimeSpan FolderPollInterval => _options.ReloadDelay > TimeSpan.FromSeconds(1) ? _options.ReloadDelay : TimeSpan.FromSeconds(1);

    /// <summary>The policy folder was missing: once it exists, watch it and check the policy like any edit.</summary>
    private void PollForFolder()
    {
        try
        {
            if (_disposed || !Directory.Exists(Path.GetDirectoryName(_policyFile)))
            {
                return;
            }

            _folderPoll?.Change(Timeout.Infinite, Timeout.Infinite);
            lock (_reloadLock)
            {
                Watch(Current);
            }

            ScheduleCheck(_options.ReloadDelay);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Watching the policy folder of {PolicyPath} failed", _options.PolicyPath);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        var extension = Path.GetExtension(e.FullPath);
        if (!extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (string.Equals(e.FullPath, _policyFile, StringComparison.Ordinal))
        {
            // A rename onto the policy file puts a complete file in place in one step; any other
            // event on it (a write, a truncation) means it may be half written.
            _replacedAtomically = e.ChangeType == WatcherChangeTypes.Renamed;
        }

        ScheduleCheck(_options.ReloadDelay);
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
        _folderPoll?.Dispose();
    }
}
