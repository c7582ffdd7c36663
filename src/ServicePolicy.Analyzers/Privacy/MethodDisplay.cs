namespace ServicePolicy.Analyzers.Privacy;

using Microsoft.CodeAnalysis;

/// <summary>
/// How a sink or a helper on the way to one is named in a finding: <c>AuditLog.Info</c>, never a bare
/// <c>Info</c> or <c>.Info</c>. The type is the nearest one with a name: a method of a C# 14
/// <c>extension(...)</c> block is in an unnamed type, and is named after the static class around the block.
/// </summary>
internal static class MethodDisplay
{
    public static string Of(IMethodSymbol method)
    {
        var target = method.ReducedFrom ?? method;
        var owner = target.ContainingType;
        while (owner != null && owner.Name.Length == 0)
        {
            owner = owner.ContainingType;
        }

        return owner == null ? target.Name : owner.Name + "." + target.Name;
    }
}
