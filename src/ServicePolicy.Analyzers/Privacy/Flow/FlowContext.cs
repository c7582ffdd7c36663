namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

/// <summary>
/// Shared by the analysis of one method body and of the lambdas and local functions inside it: what
/// symbols mean, callee summaries, the root method (whose parameters get summary markers) and the hits
/// found so far.
/// </summary>
internal sealed class FlowContext
{
    /// <summary>
    /// Units of work one body may cost (an operation evaluated, a variable's fact copied or joined between
    /// blocks): about fifty times what a 1,000-line method costs. Beyond it, the body is given up
    /// (<see cref="FlowBudgetExceededException"/>) rather than costing minutes and gigabytes.
    /// </summary>
    public const long MaxWork = 2_000_000;

    private readonly Dictionary<IParameterSymbol, TaintSet> parameterTaint = new(SymbolEqualityComparer.Default);

    public FlowContext(IPrivacyRoles roles, ICalleeSummaries? summaries, IMethodSymbol? rootMethod, CancellationToken cancellationToken)
    {
        Roles = roles;
        Summaries = summaries;
        RootMethod = rootMethod;
        CancellationToken = cancellationToken;
    }

    public IPrivacyRoles Roles { get; }

    public ICalleeSummaries? Summaries { get; }

    public IMethodSymbol? RootMethod { get; }

    public CancellationToken CancellationToken { get; }

    public List<SinkHit> Hits { get; } = new();

    /// <summary>The work spent so far on this body, its lambdas and local functions.</summary>
    public long Work { get; private set; }

    /// <summary>Counts work; throws once the body has cost more than <see cref="MaxWork"/>.</summary>
    public void Spend(int units)
    {
        Work += units;
        if (Work > MaxWork)
        {
            throw new FlowBudgetExceededException();
        }
    }

    /// <summary>
    /// What each lambda returns, as first computed while solving: shared by the nested analyses so that
    /// lambdas inside lambdas are not re-solved once per enclosing pass (which would double per level).
    /// </summary>
    public Dictionary<Microsoft.CodeAnalysis.FlowAnalysis.IFlowAnonymousFunctionOperation, TaintSet> LambdaResults { get; } = new();

    /// <summary>
    /// What a parameter holds on entry: its annotation, its type, and for the root method's own
    /// parameters a marker so that the summary can say which parameter reached a sink.
    /// </summary>
    public TaintSet ParameterTaint(IParameterSymbol parameter)
    {
        if (parameterTaint.TryGetValue(parameter, out var known))
        {
            return known;
        }

        var taint = TaintSet.Empty
            .Add(Roles.PersonalMember(parameter))
            .Add(Roles.PersonalType(parameter.Type));
        if (RootMethod != null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, RootMethod))
        {
            taint = taint.Add(TaintLabel.ForParameter(parameter));
        }

        parameterTaint[parameter] = taint;
        return taint;
    }
}
