namespace ServicePolicy.Analyzers.Privacy;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// SP1002: personal data written to a log without passing through a redactor. One diagnostic per
/// value that carries the data (an interpolation hole, a template argument), so that each can be
/// wrapped in the redaction method by the code fix. Categories the policy lets be logged
/// (<c>redactInLogs: false</c>) are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataToLogAnalyzer : PrivacyFlowAnalyzer
{
    protected override ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        ImmutableArray.Create(Descriptors.SP1002PersonalDataToLog, Descriptors.SP9004BodyTooLarge);

    private protected override void Report(Action<Diagnostic> report, PrivacyFlow flow, MethodFlowResult result)
    {
        foreach (var hit in result.Hits)
        {
            if (hit.Sink.Kind == SinkKind.Log)
            {
                Report(report, flow, hit);
            }
        }
    }

    private static void Report(Action<Diagnostic> report, PrivacyFlow flow, SinkHit hit)
    {
        var sink = hit.Via == null ? hit.Sink.DisplayName : $"{hit.Sink.DisplayName} (through {hit.Via})";
        foreach (var part in hit.TaintedParts)
        {
            var data = part.Taint.Where(l => !l.IsParameterMarker && l.RedactInLogs);
            if (data.IsEmpty)
            {
                continue;
            }

            var properties = PrivacyFixHints.Properties((PrivacyFixHints.RedactorsProperty, flow.Hints.Redactors));
            report(Diagnostic.Create(
                Descriptors.SP1002PersonalDataToLog, part.Syntax.GetLocation(), properties, data.Describe(), sink));
        }
    }
}
