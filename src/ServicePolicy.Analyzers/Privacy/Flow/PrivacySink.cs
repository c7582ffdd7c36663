namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Immutable;

/// <summary>What kind of place personal data must not reach unchecked.</summary>
internal enum SinkKind
{
    /// <summary>Sends data outside the company (SP1001).</summary>
    ThirdParty,

    /// <summary>Writes to a log (SP1002).</summary>
    Log,
}

/// <summary>A method that is a sink, as the policy or the annotations say.</summary>
internal sealed class PrivacySink
{
    public PrivacySink(SinkKind kind, string displayName, string recipient, ImmutableArray<int> parameterOrdinals = default)
    {
        Kind = kind;
        DisplayName = displayName;
        Recipient = recipient;
        ParameterOrdinals = parameterOrdinals;
    }

    public SinkKind Kind { get; }

    /// <summary>How the sink is named in a diagnostic, e.g. <c>PartnerCrmClient.UpsertAsync</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Who receives the data (third-party sinks); empty when unknown.</summary>
    public string Recipient { get; }

    /// <summary>The parameters that carry data out; default means every parameter.</summary>
    public ImmutableArray<int> ParameterOrdinals { get; }

    public bool Covers(int parameterOrdinal) =>
        ParameterOrdinals.IsDefault || ParameterOrdinals.Contains(parameterOrdinal);
}
