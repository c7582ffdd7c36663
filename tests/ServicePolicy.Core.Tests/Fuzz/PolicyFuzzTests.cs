namespace ServicePolicy.Core.Tests.Fuzz;

using System.Diagnostics;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Tests.Support;
using Xunit.Abstractions;

/// <summary>
/// Mutates the shipped policies (policies/**/*.yaml) with a fixed seed and checks that every
/// mutant either loads or is refused with errors that all point into the file, that no exception
/// escapes, and that no case takes a second or more. Set SERVICEPOLICY_FUZZ_CASES to run more.
/// </summary>
public class PolicyFuzzTests
{
    private const int Seed = 20_261_122;
    private const int DefaultCases = 10_000;

    /// <summary>Used until policies/ holds policies, so the fuzz test never silently tests nothing.</summary>
    private const string BuiltInSample = """
        apiVersion: servicepolicy/v1
        metadata:
          name: fuzz-sample
          version: 1.0.0
        classification:
          categories:
            - id: contact
              fields: [email, phone]
          protectedAttributes:
            - id: gender
              fields: [customer.gender]
        consent:
          purposes:
            - id: crm-sync
              needs: [contact]
          requirements:
            - categories: [contact]
              purpose: crm-sync
        rules:
          - id: P1-share-needs-consent
            principle: P1
            action: data.share
            when:
              field: consent.granted
              op: eq
              value: false
            message: "Consent for {consent.missing} is missing"
          - id: P8-refund-limit
            principle: P8
            action: refund.issue
            effect: require-approval
            obligation: supervisor-approval
            when:
              all:
                - field: authority.exceeded
                  op: eq
                  value: true
        routing:
          - id: queues
            routes:
              - when: { field: ticket.category, op: eq, value: billing }
                result: billing
            default: general
        slas:
          - id: first-response-email
            kind: first-response
            channel: email
            within: 8h
        text:
          claims:
            en: [guaranteed, risk free]
          patterns:
            - id: scarcity
              regex: 'only \d+ left'
        tests:
          - name: sharing without consent is refused
            action: data.share
            input: { subject: c-1, recipient: partner, purpose: crm-sync, fields: [email] }
            expect:
              effect: deny
              violations: [P1-share-needs-consent]
        """;

    private readonly ITestOutputHelper _output;

    public PolicyFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_policies_load_or_fail_with_located_errors_and_never_throw_or_hang()
    {
        var sources = LoadSources();
        var cases = int.TryParse(Environment.GetEnvironmentVariable("SERVICEPOLICY_FUZZ_CASES"), out var configured) && configured > 0 ? configured : DefaultCases;
        var options = new PolicyLoadOptions { ReadFile = path => sources.TryGetValue(Path.GetFullPath(path), out var text) ? text : null };

        // Warm up (JIT) on the originals, so that a case's time measures the loader, not the compiler.
        foreach (var source in sources)
        {
            PolicyLoader.LoadText(source.Value, source.Key, options);
        }

        var names = sources.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

        // SERVICEPOLICY_FUZZ_ONLY=n re-runs case n alone and prints its text, to reproduce a failure.
        var only = int.TryParse(Environment.GetEnvironmentVariable("SERVICEPOLICY_FUZZ_ONLY"), out var single) ? single : -1;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        long slowest = 0;
        var slow = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var loaded = 0;
        var total = Stopwatch.StartNew();
        Parallel.For(only >= 0 ? only : 0, only >= 0 ? only + 1 : cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(Seed + i);
            var file = names[random.Next(names.Length)];
            var original = sources[file];

            // Most cases mutate one section of a file (fast, and every part of every file gets its
            // turn); one in eight mutates the whole file, includes and cross-references included.
            var text = random.Next(8) == 0 ? original : PolicySlicer.Slice(original, random, maxItems: 12);
            var mutant = PolicyMutator.Mutate(text, random);
            if (only >= 0)
            {
                _output.WriteLine(mutant);
            }

            var problem = Check(file, mutant, options, out var elapsedTicks, out var succeeded);
            InterlockedMax(ref slowest, elapsedTicks);
            if (elapsedTicks > TimeSpan.FromMilliseconds(100).Ticks)
            {
                slow.Enqueue($"case {i}: {TimeSpan.FromTicks(elapsedTicks).TotalMilliseconds:F0} ms, {mutant.Length:N0} chars, {Path.GetFileName(file)}");
            }
            if (succeeded)
            {
                Interlocked.Increment(ref loaded);
            }

            if (problem != null && failures.Count < 5)
            {
                failures.Enqueue($"case {i} (seed {Seed + i}, {Path.GetFileName(file)}): {problem}\n--- mutant ---\n{Shorten(mutant)}");
            }
        });

        _output.WriteLine($"{cases:N0} cases over {names.Length} file(s) in {total.Elapsed.TotalSeconds:F1} s; {loaded:N0} loaded cleanly; slowest case {TimeSpan.FromTicks(slowest).TotalMilliseconds:F0} ms.");
        foreach (var line in slow.Take(20))
        {
            _output.WriteLine(line);
        }

        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
        Assert.True(only >= 0 || (loaded > 0 && loaded < cases), $"The mutations should break most files but not all ({loaded:N0} of {cases:N0} loaded).");
    }

    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(5);

    /// <summary>One case: the reason it fails the invariants, or null.</summary>
    private static string? Check(string file, string text, PolicyLoadOptions options, out long elapsedTicks, out bool succeeded)
    {
        var stopwatch = Stopwatch.StartNew();
        PolicyLoadResult result;
        succeeded = false;
        try
        {
            result = PolicyLoader.LoadText(text, file, options);
        }
        catch (Exception ex)
        {
            elapsedTicks = stopwatch.ElapsedTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency;
            return "exception escaped: " + ex;
        }

        var elapsed = stopwatch.Elapsed;
        elapsedTicks = elapsed.Ticks;
        succeeded = result.Succeeded;

        // The one bound of the fuzz test is a hang bound, not a speed target: no case may take
        // five seconds (a case loads in milliseconds; a runaway loader takes minutes). A case over
        // the bound is measured twice more and judged by its best time, so that a garbage
        // collection or a busy shared machine is not mistaken for a hang; a hang stays a hang.
        for (var retry = 0; retry < 2 && elapsed >= HangBound; retry++)
        {
            var again = Stopwatch.StartNew();
            PolicyLoader.LoadText(text, file, options);
            elapsed = again.Elapsed < elapsed ? again.Elapsed : elapsed;
        }

        elapsedTicks = elapsed.Ticks;
        if (elapsed >= HangBound)
        {
            return $"took {elapsed.TotalMilliseconds:F0} ms";
        }

        if (!result.Succeeded && result.Errors.All(e => !e.IsError))
        {
            return "no policy and no error";
        }

        var lineCount = 1 + text.Count(c => c == '\n');
        foreach (var error in result.Errors)
        {
            if (string.IsNullOrWhiteSpace(error.Message) || string.IsNullOrEmpty(error.Code))
            {
                return "an error without code or message: " + error;
            }

            var fileLevel = error.Location.Line == 0 && error.Location.File.Length > 0 && error.Code is PolicyErrorCodes.FileUnreadable or PolicyErrorCodes.LimitExceeded;
            if (fileLevel)
            {
                continue;
            }

            if (!error.Location.IsKnown || error.Location.Column < 1)
            {
                return "an error without a location: " + error;
            }

            // Errors in the mutant must point into it; errors in included (unmutated) files into those.
            var ownLines = error.Location.File == file ? lineCount : int.MaxValue;
            if (error.Location.Line > ownLines + 1)
            {
                return $"an error past the end of the file ({lineCount} lines): {error}";
            }
        }

        return null;
    }

    private static Dictionary<string, string> LoadSources()
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in RepositoryFiles.ShippedPolicies())
        {
            sources[Path.GetFullPath(path)] = File.ReadAllText(path);
        }

        if (sources.Count == 0)
        {
            sources[Path.GetFullPath("fuzz-sample.yaml")] = BuiltInSample;
        }

        return sources;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static string Shorten(string text) => text.Length <= 3000 ? text : text.Substring(0, 3000) + "\n...";
}
