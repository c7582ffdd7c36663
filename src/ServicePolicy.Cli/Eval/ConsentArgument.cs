namespace ServicePolicy.Cli.Eval;

using ServicePolicy.Cli.Infrastructure;

/// <summary>A consent given on the command line: <c>subject:purpose[:recipient]</c>, recipient <c>*</c> when left out.</summary>
public sealed record ConsentArgument(string Subject, string Purpose, string Recipient)
{
    public static ConsentArgument Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Trim().Length == 0))
        {
            throw new CliInputException($"servicepolicy eval: error bad-usage: `--consent {text}` must be subject:purpose or subject:purpose:recipient, for example `--consent c-42:crm-sync:partner-crm`.");
        }

        return new ConsentArgument(parts[0].Trim(), parts[1].Trim(), parts.Length == 3 ? parts[2].Trim() : "*");
    }
}
