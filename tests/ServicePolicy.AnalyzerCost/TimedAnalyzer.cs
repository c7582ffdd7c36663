namespace ServicePolicy.AnalyzerCost;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// The CPU time and the managed bytes the wrapped analyzers' callbacks used, summed over all threads,
/// in total and per analyzer (the bytes are what their allocations leave to the garbage collector).
/// </summary>
internal sealed class CallbackCpu
{
    private readonly ConcurrentDictionary<string, Counters> _byAnalyzer = new(StringComparer.Ordinal);

    public TimeSpan Total => TimeSpan.FromTicks(_byAnalyzer.Values.Sum(c => Interlocked.Read(ref c.Ticks)));

    public long AllocatedBytes => _byAnalyzer.Values.Sum(c => Interlocked.Read(ref c.Bytes));

    public int Calls => _byAnalyzer.Values.Sum(c => Volatile.Read(ref c.Calls));

    /// <summary>The part of <see cref="Total"/> the JIT compiler took (the analyzers' code and the compiler's code they reach first).</summary>
    public TimeSpan Jit => TimeSpan.FromTicks(_byAnalyzer.Values.Sum(c => Interlocked.Read(ref c.JitTicks)));

    /// <summary>Per analyzer: CPU time, allocated bytes and number of calls, largest CPU first.</summary>
    public IEnumerable<(string Analyzer, TimeSpan Cpu, long Bytes, int Calls)> ByAnalyzer() =>
        _byAnalyzer
            .Select(e => (e.Key, TimeSpan.FromTicks(e.Value.Ticks), e.Value.Bytes, e.Value.Calls))
            .OrderByDescending(e => e.Item2);

    public Action<T> Time<T>(string analyzer, Action<T> action)
    {
        var counters = _byAnalyzer.GetOrAdd(analyzer, _ => new Counters());
        return argument =>
        {
            var start = ThreadCpuClock.NowTicks();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref counters.Ticks, ThreadCpuClock.NowTicks() - start);
                Interlocked.Add(ref counters.Bytes, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
                Interlocked.Add(ref counters.JitTicks, (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitBefore).Ticks);
                Interlocked.Increment(ref counters.Calls);
            }
        };
    }

    private sealed class Counters
    {
        public long Ticks;
        public long Bytes;
        public long JitTicks;
        public int Calls;
    }
}

/// <summary>
/// Runs an analyzer with every callback it registers timed by <see cref="CallbackCpu"/>. The
/// analyzer sees the same contexts as under the compiler; only the registration goes through here.
/// </summary>
internal sealed class TimedAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly CallbackCpu _cpu;

    public TimedAnalyzer(DiagnosticAnalyzer inner, CallbackCpu cpu)
    {
        _inner = inner;
        _cpu = cpu;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedContext(context, new NamedTimer(_inner.GetType().Name, _cpu)));

    private sealed class TimedContext : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly NamedTimer _cpu;

        public TimedContext(AnalysisContext inner, NamedTimer cpu)
        {
            _inner = inner;
            _cpu = cpu;
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(_cpu.Time<CompilationStartAnalysisContext>(start => action(new TimedStartContext(start, _cpu))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_cpu.Time(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_cpu.Time(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_cpu.Time(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_cpu.Time(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_cpu.Time(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_cpu.Time(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_cpu.Time(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_cpu.Time(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_cpu.Time(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_cpu.Time(action));
    }

    private sealed class TimedStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly NamedTimer _cpu;

        public TimedStartContext(CompilationStartAnalysisContext inner, NamedTimer cpu)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _cpu = cpu;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_cpu.Time(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_cpu.Time(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_cpu.Time(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_cpu.Time(action), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_cpu.Time(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_cpu.Time(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_cpu.Time(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_cpu.Time(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_cpu.Time(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_cpu.Time(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_cpu.Time(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_cpu.Time(action));
    }

    /// <summary>Times callbacks under the name of the analyzer that registered them.</summary>
    private sealed class NamedTimer(string analyzer, CallbackCpu cpu)
    {
        public Action<T> Time<T>(Action<T> action) => cpu.Time(analyzer, action);
    }
}
