namespace ServicePolicy.Analyzers.Fairness;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>What becomes of a value read in a decision context.</summary>
internal enum DecisionUseKind
{
    /// <summary>Nothing that decides: logged, passed to an unrelated method, discarded, its name taken.</summary>
    None,

    /// <summary>It decides: compared, switched on, matched, used as a condition or a key, returned, stored, computed with.</summary>
    Decides,

    /// <summary>It is stored in a local; what decides is how the local is used later.</summary>
    StoredInLocal,
}

/// <summary>
/// Follows a value up the operation tree, through the operations that merely carry or reshape it
/// (conversions, <c>?.</c>, <c>!</c>, <c>??</c>, string methods, interpolations, anonymous objects and
/// tuples, the chosen branch of <c>?:</c>), to the operation that consumes it, and says whether that
/// consumer makes a decision with it.
/// </summary>
internal static class DecisionUse
{
    /// <summary>Methods that compare or look up their instance or arguments.</summary>
    private static readonly HashSet<string> ComparingMethods = new(StringComparer.Ordinal)
    {
        "Equals", "CompareTo", "Compare", "CompareOrdinal", "Contains", "ContainsKey", "ContainsValue", "TryGetValue",
        "GetValueOrDefault", "StartsWith", "EndsWith", "IndexOf", "HasFlag", "IsMatch", "Match", "Any", "All",
    };

    /// <summary>Methods that return a reshaped copy of their instance's value.</summary>
    private static readonly HashSet<string> ReshapingMethods = new(StringComparer.Ordinal)
    {
        "ToString", "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant", "Trim", "TrimStart", "TrimEnd",
        "Substring", "Normalize", "GetValueOrDefault", "AsSpan", "First", "FirstOrDefault", "Single", "SingleOrDefault",
    };

    public static DecisionUseKind Classify(IOperation value, Func<IMethodSymbol, bool> isDecisionMethod, out ILocalSymbol? local)
    {
        local = null;
        var current = value;
        for (var depth = 0; depth < 32; depth++)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case null:
                    return DecisionUseKind.None;

                case IConversionOperation:
                case IUnaryOperation:
                case IConditionalAccessOperation:
                case ICoalesceOperation:
                case IInterpolationOperation:
                case IInterpolatedStringOperation:
                case IAnonymousObjectCreationOperation:
                case ITupleOperation:
                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                case IAwaitOperation:
                    current = parent;
                    continue;

                case IPropertyReferenceOperation derived when derived.Instance == current:
                case IFieldReferenceOperation derivedField when derivedField.Instance == current:
                    // customer.BirthDate.Year, customer.Name.Length: still the protected value, reshaped.
                    current = parent;
                    continue;

                case IPropertyReferenceOperation:
                    // An indexer argument is handled by IArgumentOperation; anything else is a write.
                    return DecisionUseKind.None;

                case IInvocationOperation invocation when invocation.Instance == current:
                    if (ComparingMethods.Contains(invocation.TargetMethod.Name))
                    {
                        return DecisionUseKind.Decides;
                    }

                    if (ReshapingMethods.Contains(invocation.TargetMethod.Name) || IsComputingCall(invocation))
                    {
                        // birthDate.AddYears(18) <= today: what the call computes from the value decides in its place.
                        current = parent;
                        continue;
                    }

                    return DecisionUseKind.None;

                case IArgumentOperation argument:
                    if (ArgumentDecides(argument, isDecisionMethod, out var carriedTo))
                    {
                        return DecisionUseKind.Decides;
                    }

                    if (carriedTo == null)
                    {
                        return DecisionUseKind.None;
                    }

                    current = carriedTo;
                    continue;

                case IBinaryOperation:
                case ISwitchOperation:
                case ISwitchExpressionOperation switchExpression when switchExpression.Value == current:
                case IIsPatternOperation:
                case IIsTypeOperation:
                case IPropertySubpatternOperation:
                case IReturnOperation:
                case ICompoundAssignmentOperation:
                case ICoalesceAssignmentOperation:
                case IWhileLoopOperation:
                case IForLoopOperation:
                case IThrowOperation:
                    return DecisionUseKind.Decides;

                case ISwitchExpressionArmOperation arm when arm.Value == current:
                    // The value one arm produces: the switch expression's result.
                    current = arm.Parent ?? arm;
                    if (current is not ISwitchExpressionOperation)
                    {
                        return DecisionUseKind.None;
                    }

                    continue;

                case IConditionalOperation conditional:
                    if (conditional.Condition == current)
                    {
                        return DecisionUseKind.Decides;
                    }

                    current = parent;
                    continue;

                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    if (assignment.Target is ILocalReferenceOperation target)
                    {
                        local = target.Local;
                        return DecisionUseKind.StoredInLocal;
                    }

                    // A member of the result object: the decision's output carries the value.
                    return assignment.Target is IDiscardOperation ? DecisionUseKind.None : DecisionUseKind.Decides;

                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    local = declarator.Symbol;
                    return DecisionUseKind.StoredInLocal;

                default:
                    return DecisionUseKind.None;
            }
        }

        return DecisionUseKind.None;
    }

    /// <summary>
    /// A call that returns a value computed from its inputs: a static helper or a method of the value itself that
    /// returns a number, a date, a boolean or text. Calls that return objects (a repository lookup, a builder) or
    /// nothing end the trail: what they do with the value is not a decision here.
    /// </summary>
    private static bool IsComputingCall(IInvocationOperation invocation)
    {
        var type = invocation.TargetMethod.ReturnType;
        if (invocation.TargetMethod.ReturnsVoid || type == null)
        {
            return false;
        }

        return type.SpecialType is not (SpecialType.None or SpecialType.System_Object or SpecialType.System_Void)
            || type.TypeKind == TypeKind.Enum
            || type is { Name: "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" } && type.ContainingNamespace?.Name == "System";
    }

    /// <summary>
    /// An argument decides when it goes to a comparing method (<c>list.Contains(x)</c>, <c>string.Equals(x, y)</c>),
    /// to an indexer (<c>weights[x]</c>), or to a method that is itself a decision context. An argument of
    /// <c>string.Concat</c>, <c>string.Format</c> or <c>string.Join</c> is carried on to that call's result
    /// (<paramref name="carriedTo"/>); any other call ends the trail.
    /// </summary>
    private static bool ArgumentDecides(IArgumentOperation argument, Func<IMethodSymbol, bool> isDecisionMethod, out IOperation? carriedTo)
    {
        carriedTo = null;
        switch (argument.Parent)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (ComparingMethods.Contains(method.Name) || isDecisionMethod(method))
                {
                    return true;
                }

                if ((method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Concat" or "Format" or "Join")
                    || IsComputingCall(invocation))
                {
                    // AgeOf(c.DateOfBirth) >= 65, EF.Functions.DateDiffYear(c.DateOfBirth, now) > 65: the result is
                    // computed from the protected value, and follows it to the decision.
                    carriedTo = invocation;
                }

                return false;
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                return true;
            default:
                return false;
        }
    }
}
