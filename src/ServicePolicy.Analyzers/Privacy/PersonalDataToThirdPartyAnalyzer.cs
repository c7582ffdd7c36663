namespace ServicePolicy.Analyzers.Privacy;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// SP1001: personal data reaches a third-party sink on a path where no consent check returned true.
/// One diagnostic per sink call, at its first argument that carries personal data, naming all the
/// data the call sends. The flow engine (<see cref="Flow.GraphFlowAnalysis"/>) does the work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataToThirdPartyAnalyzer : PrivacyFlowAnalyzer
{
    protected override ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        ImmutableArray.Create(Descriptors.SP1001PersonalDataToThirdParty, Descriptors.SP9004BodyTooLarge);

    private protected override void Report(Action<Diagnostic> report, PrivacyFlow flow, MethodFlowResult result)
    {
        HashSet<SyntaxNode>? reported = null;
        foreach (var hit in result.Hits)
        {
            if (hit.Sink.Kind != SinkKind.ThirdParty || hit.Guarded || !hit.Taint.HasPersonalData)
            {
                continue;
            }

            reported ??= new HashSet<SyntaxNode>();
            if (!reported.Add(hit.Invocation))
            {
                continue;
            }

            var data = TaintSet.Empty;
            foreach (var other in result.Hits)
            {
                if (other.Invocation == hit.Invocation && other.Sink.Kind == SinkKind.ThirdParty)
                {
                    data = data.Union(other.Taint.WithoutParameterMarkers());
                }
            }

            var sink = hit.Via == null ? hit.Sink.DisplayName : $"{hit.Sink.DisplayName} (through {hit.Via})";
            var recipient = hit.Sink.Recipient.Length == 0 ? "*" : hit.Sink.Recipient;
            var properties = PrivacyFixHints.Properties(
                (PrivacyFixHints.ConsentChecksProperty, flow.Hints.ConsentChecks),
                (PrivacyFixHints.PurposeProperty, flow.Hints.PurposeFor(data, recipient)),
                (PrivacyFixHints.RecipientProperty, recipient));
            var location = hit.ArgumentIsImplicit ? hit.TaintedParts[0].Syntax.GetLocation() : hit.Location;
            report(Diagnostic.Create(
                Descriptors.SP1001PersonalDataToThirdParty, location, properties, data.Describe(), sink, recipient));
        }
    }
}
