namespace ServicePolicy.Cli.Scan;

/// <summary>
/// Diagnostic ID families map to principles (docs/principles.md): 1xxx privacy (P1), 2xxx fairness
/// (P2), 3xxx honesty and courtesy (P3, P7), 9xxx configuration.
/// </summary>
public static class PrincipleGroups
{
    public static readonly IReadOnlyList<string> Order = new[]
    {
        "P1 Privacy and confidentiality",
        "P2 Fair and equal treatment",
        "P3/P7 Honesty, courtesy and respect",
        "Configuration",
        "Other",
    };

    public static string Of(string diagnosticId)
    {
        if (diagnosticId.Length >= 3 && diagnosticId.StartsWith("SP", StringComparison.Ordinal))
        {
            switch (diagnosticId[2])
            {
                case '1': return Order[0];
                case '2': return Order[1];
                case '3': return Order[2];
                case '9': return Order[3];
            }
        }

        return Order[4];
    }

    public static int Rank(string group)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == group)
            {
                return i;
            }
        }

        return Order.Count;
    }
}
