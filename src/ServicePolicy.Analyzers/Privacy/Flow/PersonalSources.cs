namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// Whether a body can hold personal data at all, decided from its operation tree before a control flow
/// graph is built. The flow engine labels a value as personal data only through
/// <see cref="IPrivacyRoles.PersonalType"/> of a value's type or of a variable it declares, and
/// <see cref="IPrivacyRoles.PersonalMember"/> of a member, method or parameter it references; every such type
/// and symbol of the graph is already in the tree (the graph only adds captures of values that are there,
/// and the enumerator calls of a <c>foreach</c>, whose element type is the loop variable's). So a body
/// where none of them is personal reports nothing, whatever its flow.
/// </summary>
/// <remarks>
/// Only for a rule's own findings in the body: a callee's summary needs the flow of its parameters even
/// when nothing in it is personal, so <see cref="PrivacyFlowCache.Get"/> never asks this.
/// On the 200,000-line project of docs/performance.md two bodies in three that call a sink have no such
/// value (a logger told about a ticket id, a partner API sent a product).
/// </remarks>
internal static class PersonalSources
{
    public static bool MayHold(IOperation root, IPrivacyRoles roles, ICalleeSummaries? summaries, CancellationToken cancellationToken)
    {
        if (IsSource(root, roles))
        {
            return true;
        }

        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsSource(operation, roles))
            {
                return true;
            }
        }

        // A helper of the compilation may return personal data the body never names (its return summary):
        // asked only when nothing else is personal, as it may analyse the helpers.
        if (summaries != null)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.IsEmpty: false } method }
                    && !ValueShapes.ReturnsNothing(method)
                    && summaries.TryGetReturns(method.OriginalDefinition, cancellationToken, out var returned)
                    && returned.HasPersonalData)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSource(IOperation operation, IPrivacyRoles roles)
    {
        if (operation.Type is { } type && roles.PersonalType(type) != null)
        {
            return true;
        }

        // A reference to a local or parameter has the variable's type, so the check above covers it.
        return operation switch
        {
            IMemberReferenceOperation member => roles.PersonalMember(member.Member) != null,
            IInvocationOperation invocation => roles.PersonalMember(invocation.TargetMethod) != null,
            IParameterReferenceOperation parameter => roles.PersonalMember(parameter.Parameter) != null,
            IVariableDeclaratorOperation declarator => roles.PersonalType(declarator.Symbol.Type) != null,
            IPatternOperation pattern => roles.PersonalType(pattern.NarrowedType) != null
                || (pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } && roles.PersonalType(declared.Type) != null),
            IForEachLoopOperation loop => HasPersonalLocal(loop.Locals, roles),
            IUsingOperation @using => HasPersonalLocal(@using.Locals, roles),
            _ => false,
        };
    }

    private static bool HasPersonalLocal(System.Collections.Immutable.ImmutableArray<ILocalSymbol> locals, IPrivacyRoles roles)
    {
        foreach (var local in locals)
        {
            if (roles.PersonalType(local.Type) != null)
            {
                return true;
            }
        }

        return false;
    }
}
