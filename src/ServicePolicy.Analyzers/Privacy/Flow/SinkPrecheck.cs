namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// The cheap test that keeps the analyzers out of the build's way: a control flow graph is built only
/// for a body that calls a sink, or a method of the same compilation that passes a parameter on to one.
/// Most methods call neither and cost one walk over their operations.
/// </summary>
internal static class SinkPrecheck
{
    public static bool MayReachSink(IOperation root, IPrivacyRoles roles, ICalleeSummaries? summaries, CancellationToken cancellationToken)
    {
        foreach (var operation in root.Descendants())
        {
            var method = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IMethodReferenceOperation group => group.Method,
                _ => null,
            };
            if (method == null)
            {
                continue;
            }

            if (roles.Sink(method) != null)
            {
                return true;
            }

            if (summaries != null && !method.Parameters.IsEmpty && !method.DeclaringSyntaxReferences.IsEmpty
                && !summaries.Get(method.OriginalDefinition, cancellationToken).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
