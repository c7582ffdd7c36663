namespace SupportDesk.Storage;

using SupportDesk.Domain;

/// <summary>
/// The support team. In a real desk this comes from the identity provider; the sample seeds one
/// agent per role of the policy's authority table (agent, senior-agent, supervisor).
/// </summary>
public sealed class AgentDirectory
{
    private readonly Dictionary<string, Agent> _agents;

    public AgentDirectory(IEnumerable<Agent> agents) => _agents = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);

    public static AgentDirectory Seeded() => new(new[]
    {
        new Agent("a-1", "Ana", "agent"),
        new Agent("a-2", "Bruno", "senior-agent"),
        new Agent("s-3", "Chiara", "supervisor"),
    });

    public Agent? Find(string? id) => id != null && _agents.TryGetValue(id, out var agent) ? agent : null;
}
