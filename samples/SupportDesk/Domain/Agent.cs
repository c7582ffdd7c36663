namespace SupportDesk.Domain;

/// <summary>A member of the support team. The role sets the refund and credit limits in the policy (P8).</summary>
public sealed record Agent(string Id, string Name, string Role)
{
    public bool IsSupervisor => string.Equals(Role, "supervisor", StringComparison.OrdinalIgnoreCase);
}
