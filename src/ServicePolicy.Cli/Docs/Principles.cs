namespace ServicePolicy.Cli.Docs;

/// <summary>The ten principles of docs/principles.md, as a reviewer reads them in generated documents and reports.</summary>
public static class Principles
{
    public sealed record Principle(string Id, string Title, string Summary);

    public static readonly IReadOnlyList<Principle> All = new[]
    {
        new Principle("P1", "Privacy and confidentiality", "No personal data is shared without the customer's consent for that purpose, and only the fields the purpose needs."),
        new Principle("P2", "Fair and equal treatment", "No discrimination by race, ethnicity, gender, origin, religion, age, disability or other personal traits; equal treatment whatever the purchase size or history."),
        new Principle("P3", "Honesty and transparency", "No exaggerations or falsehoods to sell; accurate prices and clear terms; no promise that cannot be kept; errors admitted and corrected quickly."),
        new Principle("P4", "Commitment", "A promised call-back or e-mail happens within the agreed time."),
        new Principle("P5", "Accessibility, responsiveness, consistency", "A fast first response, and the same standard whatever the channel or representative."),
        new Principle("P6", "Complaint handling", "Every complaint is taken seriously, acknowledged, apologised for where due, investigated and resolved."),
        new Principle("P7", "Courtesy and respect", "Respectful, clear language without jargon."),
        new Principle("P8", "Empowerment within limits", "Agents decide on the customer's behalf up to a limit; above it, approval is needed."),
        new Principle("P9", "Feedback and continuous improvement", "After a resolution, the customer is asked for feedback."),
        new Principle("P10", "Accountability", "Decisions can be audited and investigated."),
    };

    public static Principle? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public static string Title(string id) => Find(id)?.Title ?? id;

    /// <summary>Sort key: P1 &lt; P2 &lt; ... &lt; P10, unknown last.</summary>
    public static int Order(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return All.Count;
    }
}
