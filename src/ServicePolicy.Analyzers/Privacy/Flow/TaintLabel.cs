namespace ServicePolicy.Analyzers.Privacy.Flow;

using Microsoft.CodeAnalysis;

/// <summary>
/// Where a tainted value came from: a classified member, an annotated parameter, a whole object whose
/// type carries personal members, or (for interprocedural summaries only) "whatever the caller passed
/// as parameter N". Labels are created once per source symbol and compared by reference.
/// </summary>
internal sealed class TaintLabel
{
    private TaintLabel(string description, ISymbol? symbol, int parameterOrdinal, bool redactInLogs, string category)
    {
        Category = category;
        Description = description;
        Symbol = symbol;
        ParameterOrdinal = parameterOrdinal;
        RedactInLogs = redactInLogs;
    }

    /// <summary>How the data is named in a diagnostic, e.g. <c>Customer.Email</c>.</summary>
    public string Description { get; }

    /// <summary>The classified member, parameter or type, when there is one.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>For a parameter marker, the parameter's ordinal; -1 for real personal data.</summary>
    public int ParameterOrdinal { get; }

    /// <summary>The data category ("contact"), or "" when not known.</summary>
    public string Category { get; }

    /// <summary>False when the policy says this category may be logged as it is.</summary>
    public bool RedactInLogs { get; }

    /// <summary>True for the summary marker "the value of parameter N": not personal data by itself.</summary>
    public bool IsParameterMarker => ParameterOrdinal >= 0;

    public static TaintLabel ForData(string description, ISymbol? symbol, string category = "", bool redactInLogs = true) =>
        new(description, symbol, -1, redactInLogs, category);

    public static TaintLabel ForParameter(IParameterSymbol parameter) =>
        new(parameter.Name, parameter, parameter.Ordinal, redactInLogs: true, category: "");

    public override string ToString() => Description;
}
