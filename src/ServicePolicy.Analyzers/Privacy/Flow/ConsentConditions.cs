namespace ServicePolicy.Analyzers.Privacy.Flow;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// Reads what a boolean expression says about consent: <c>await consent.HasConsentAsync(..)</c>,
/// <c>!ok</c>, <c>ok == false</c>, <c>ok is not true</c>, <c>a &amp; b</c>, or a local that holds the
/// result of a check. Short-circuit <c>&amp;&amp;</c> and <c>||</c> never get here: the control flow graph
/// splits them into branches, and the must-analysis over the graph gives them their meaning.
/// </summary>
internal static class ConsentConditions
{
    public static ConsentPolarity Of(IOperation? operation, FlowState state, IPrivacyRoles roles)
    {
        switch (operation)
        {
            case null:
                return ConsentPolarity.None;
            case IConversionOperation conversion:
                return Of(conversion.Operand, state, roles);
            case IAwaitOperation awaited:
                return Of(awaited.Operation, state, roles);
            case IInvocationOperation invocation:
                return roles.ConsentCheck(invocation.TargetMethod) switch
                {
                    ConsentCheckKind.ReturnsAnswer => ConsentPolarity.TrueMeansConsent,
                    ConsentCheckKind.ReturnsDecision => ConsentPolarity.HoldsDecision,
                    _ => ConsentPolarity.None,
                };
            case IPropertyReferenceOperation { Instance: { } instance } property when ValueShapes.IsBooleanLike(property.Type):
                return (Of(instance, state, roles) & ConsentPolarity.HoldsDecision) == 0
                    ? ConsentPolarity.None
                    : IsRefusal(property.Property.Name) ? ConsentPolarity.FalseMeansConsent : ConsentPolarity.TrueMeansConsent;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Of(not.Operand, state, roles).Negate();
            case IBinaryOperation binary:
                return OfBinary(binary, state, roles);
            case IIsPatternOperation isPattern:
                return OfPattern(Of(isPattern.Value, state, roles), isPattern.Pattern);
            case ILocalReferenceOperation local:
                return state.ConsentHeldBy(local.Local);
            case IParameterReferenceOperation parameter:
                return state.ConsentHeldBy(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return state.ConsentHeldBy(capture.Id);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool constant } }:
                // A constant is vacuously a consent fact: "false" is never true, so "if true then
                // consent" holds. This is what makes `var ok = a && Check()` (a capture that is either
                // false or the check's result) hold the check's meaning after the paths meet.
                return constant ? ConsentPolarity.FalseMeansConsent : ConsentPolarity.TrueMeansConsent;
            default:
                return ConsentPolarity.None;
        }
    }

    /// <summary><c>IsDenied</c>, <c>Refused</c>, <c>IsRejected</c>, <c>Forbidden</c>, <c>Blocked</c>: true means no.</summary>
    private static bool IsRefusal(string name) =>
        name.IndexOf("Deni", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Deny", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Refus", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Reject", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Forbid", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Block", System.StringComparison.OrdinalIgnoreCase) >= 0;

    private static ConsentPolarity OfBinary(IBinaryOperation binary, FlowState state, IPrivacyRoles roles)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Equals:
            case BinaryOperatorKind.NotEquals:
            {
                bool? constant = BoolConstant(binary.RightOperand) ?? BoolConstant(binary.LeftOperand);
                if (constant == null)
                {
                    return ConsentPolarity.None;
                }

                var other = BoolConstant(binary.RightOperand) != null ? binary.LeftOperand : binary.RightOperand;
                var polarity = Of(other, state, roles);
                var same = constant.Value == (binary.OperatorKind == BinaryOperatorKind.Equals);
                return same ? polarity : polarity.Negate();
            }

            case BinaryOperatorKind.And:
            case BinaryOperatorKind.ConditionalAnd:
            {
                // a & b is true only if both are: one operand whose truth means consent is enough.
                var left = Of(binary.LeftOperand, state, roles);
                var right = Of(binary.RightOperand, state, roles);
                return ((left | right) & ConsentPolarity.TrueMeansConsent) | (left & right & ConsentPolarity.FalseMeansConsent);
            }

            case BinaryOperatorKind.Or:
            case BinaryOperatorKind.ConditionalOr:
            {
                // a | b is false only if both are: one operand whose falsehood means consent is enough.
                var left = Of(binary.LeftOperand, state, roles);
                var right = Of(binary.RightOperand, state, roles);
                return ((left | right) & ConsentPolarity.FalseMeansConsent) | (left & right & ConsentPolarity.TrueMeansConsent);
            }

            default:
                return ConsentPolarity.None;
        }
    }

    private static ConsentPolarity OfPattern(ConsentPolarity value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constantPattern when BoolConstant(constantPattern.Value) is bool constant:
                return constant ? value : value.Negate();
            case INegatedPatternOperation negated:
                return OfPattern(value, negated.Pattern).Negate();
            default:
                return ConsentPolarity.None;
        }
    }

    private static bool? BoolConstant(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: bool value } } ? value : null;
    }
}
