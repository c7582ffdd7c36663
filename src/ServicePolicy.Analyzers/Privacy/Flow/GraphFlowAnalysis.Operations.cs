namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Core;

/// <summary>
/// The transfer function: what an operation evaluates to (its taint) and how it changes the state
/// (assignments, captures, writes into members and collections, consent checks that throw).
/// </summary>
internal sealed partial class GraphFlowAnalysis
{
    private TaintSet Evaluate(IOperation? operation, FlowState state, bool record)
    {
        if (operation == null)
        {
            return TaintSet.Empty;
        }

        context.Spend(1);
        var taint = EvaluateCore(operation, state, record);
        if (record && !taint.IsEmpty)
        {
            recordedTaint![operation] = taint;
        }

        return taint;
    }

    [MethodImpl(HotPath.OptimizeAtOnce)]
    private TaintSet EvaluateCore(IOperation operation, FlowState state, bool record)
    {
        var roles = context.Roles;
        switch (operation)
        {
            case ILiteralOperation:
            case IDefaultValueOperation:
            case ITypeOfOperation:
            case INameOfOperation:
            case ISizeOfOperation:
            case ICaughtExceptionOperation:
            case IInterpolatedStringTextOperation:
                return TaintSet.Empty;

            case ILocalReferenceOperation local:
                return (state.TryGetTaint(local.Local, out var localTaint) ? localTaint : TaintSet.Empty)
                    .Add(roles.PersonalType(local.Type));

            case IParameterReferenceOperation parameter:
                return state.TryGetTaint(parameter.Parameter, out var parameterTaint)
                    ? parameterTaint.Add(roles.PersonalType(parameter.Type))
                    : InitialParameterTaint(parameter.Parameter);

            case IInstanceReferenceOperation instance:
                return TaintSet.Empty.Add(roles.PersonalType(instance.Type));

            case IFlowCaptureOperation capture:
            {
                var value = Evaluate(capture.Value, state, record);
                state.SetTaint(capture.Id, value);
                state.SetConsentHolder(capture.Id, ConsentConditions.Of(capture.Value, state, roles));
                return TaintSet.Empty;
            }

            case IFlowCaptureReferenceOperation captureReference:
                return state.TryGetTaint(captureReference.Id, out var captured) ? captured : TaintSet.Empty;

            case IMethodReferenceOperation methodReference:
                Evaluate(methodReference.Instance, state, record);
                return TaintSet.Empty;

            case IMemberReferenceOperation member:
                return EvaluateMember(member, state, record);

            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state, record);
                }

                return Evaluate(element.ArrayReference, state, record).Add(roles.PersonalType(element.Type));

            case ISimpleAssignmentOperation assignment:
            {
                var value = Evaluate(assignment.Value, state, record);
                Assign(assignment.Target, value, ConsentConditions.Of(assignment.Value, state, roles), state, record);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var value = Evaluate(compound.Target, state, record).Union(Evaluate(compound.Value, state, record));
                Assign(compound.Target, value, ConsentPolarity.None, state, record);
                return value;
            }

            case ICoalesceAssignmentOperation coalesce:
            {
                var value = Evaluate(coalesce.Target, state, record).Union(Evaluate(coalesce.Value, state, record));
                Assign(coalesce.Target, value, ConsentPolarity.None, state, record);
                return value;
            }

            case IDeconstructionAssignmentOperation deconstruction:
                return EvaluateDeconstruction(deconstruction, state, record);

            case IDeclarationExpressionOperation declaration:
                return Evaluate(declaration.Expression, state, record);

            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, state, record);

            case IAwaitOperation awaited:
                return Evaluate(awaited.Operation, state, record).Add(roles.PersonalType(awaited.Type));

            case IUnaryOperation unary:
            {
                var value = Evaluate(unary.Operand, state, record);
                return unary.OperatorKind == UnaryOperatorKind.Not ? TaintSet.Empty : value;
            }

            case IBinaryOperation binary:
            {
                var left = Evaluate(binary.LeftOperand, state, record);
                var right = Evaluate(binary.RightOperand, state, record);
                return ValueShapes.IsBooleanLike(binary.Type) ? TaintSet.Empty : left.Union(right);
            }

            case IObjectCreationOperation creation:
                return EvaluateChildren(creation, state, record).Add(roles.PersonalType(creation.Type));

            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, state, record);

            case IDelegateCreationOperation delegateCreation:
                return Evaluate(delegateCreation.Target, state, record);

            case IFlowAnonymousFunctionOperation lambda:
                return EvaluateLambda(lambda, state, record, TaintSet.Empty);

            default:
            {
                // Tuples, interpolated strings, array and collection creation, anonymous objects,
                // throw, dynamic calls...: the value carries whatever its parts carry.
                var value = EvaluateChildren(operation, state, record);
                return ValueShapes.IsBooleanLike(operation.Type) ? TaintSet.Empty : value;
            }
        }
    }

    private TaintSet EvaluateChildren(IOperation operation, FlowState state, bool record)
    {
        var taint = TaintSet.Empty;
        foreach (var child in operation.ChildOperations)
        {
            taint = taint.Union(Evaluate(child, state, record));
        }

        return taint;
    }

    private TaintSet InitialParameterTaint(IParameterSymbol parameter)
    {
        var taint = context.ParameterTaint(parameter);
        if (parameterSeeds != null && parameterSeeds.TryGetValue(parameter, out var seed))
        {
            taint = taint.Union(seed);
        }

        return taint;
    }

    /// <summary>
    /// <c>x.Member</c>: the member's own classification, plus what the receiver carries when the
    /// receiver is not itself a classified type. Reading <c>order.Id</c> from an <c>Order</c> (a type
    /// with personal members) is not personal data; reading <c>dto.Anything</c> from a DTO that was
    /// filled with personal data is.
    /// </summary>
    private TaintSet EvaluateMember(IMemberReferenceOperation member, FlowState state, bool record)
    {
        var roles = context.Roles;
        var receiver = Evaluate(member.Instance, state, record);
        if (member is IPropertyReferenceOperation { Arguments.IsEmpty: false } indexer)
        {
            foreach (var argument in indexer.Arguments)
            {
                Evaluate(argument.Value, state, record);
            }
        }

        var taint = TaintSet.Empty
            .Add(roles.PersonalMember(member.Member))
            .Add(roles.PersonalType(member.Type));
        if (!receiver.IsEmpty && roles.PersonalType(member.Instance!.Type) == null && KeepsTaint(member.Instance.Type, member.Type))
        {
            taint = taint.Union(receiver);
        }

        return taint;
    }

    /// <summary>Text derived from personal data stays personal; the length of it, or a yes/no about it, does not.</summary>
    private static bool KeepsTaint(ITypeSymbol? from, ITypeSymbol? to) =>
        !ValueShapes.IsScalar(to) || ValueShapes.IsScalar(from);

    private TaintSet EvaluateInvocation(IInvocationOperation invocation, FlowState state, bool record)
    {
        var roles = context.Roles;
        var method = invocation.TargetMethod;
        var receiver = Evaluate(invocation.Instance, state, record);

        // Arguments first, lambdas last: a lambda's parameters receive what the other inputs carry
        // (customers.ForEach(c => ...), emails.Select(e => ...)).
        var arguments = invocation.Arguments;
        var argumentTaint = new TaintSet[arguments.Length];
        var inputs = receiver;
        var hasLambda = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (AsLambda(arguments[i].Value) != null)
            {
                hasLambda = true;
                continue;
            }

            argumentTaint[i] = Evaluate(arguments[i].Value, state, record);
            inputs = inputs.Union(argumentTaint[i]);
        }

        if (hasLambda)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (AsLambda(arguments[i].Value) is { } lambda)
                {
                    argumentTaint[i] = EvaluateLambda(lambda, state, record, inputs);
                    if (record && !argumentTaint[i].IsEmpty)
                    {
                        recordedTaint![arguments[i].Value] = argumentTaint[i];
                    }
                }
            }
        }

        if (roles.IsRedactor(method))
        {
            return TaintSet.Empty;
        }

        switch (roles.ConsentCheck(method))
        {
            case ConsentCheckKind.ReturnsAnswer:
            case ConsentCheckKind.ReturnsDecision:
                return TaintSet.Empty;
            case ConsentCheckKind.ThrowsWhenMissing:
                state.ConsentEstablished = true;
                return TaintSet.Empty;
        }

        if (record)
        {
            RecordSinkHits(invocation, argumentTaint, state);
            RecordMethodGroupSinks(invocation, inputs, state);
        }

        var passed = TaintSet.Empty;
        for (var i = 0; i < arguments.Length; i++)
        {
            // A classified object is read member by member, as with an instance receiver: what an
            // extension method on it returns (request.GetGenericTypeName()) is not personal data
            // unless its own type says so. And with a lambda (Select, Where, OrderBy...), what comes
            // out of a collection of classified objects is decided by the lambda:
            // cs.Select(c => c.Id) is not personal data, while cs.Where(...) still is, by its type.
            var readsMembers = (method.IsExtensionMethod && arguments[i].Parameter?.Ordinal == 0) || (hasLambda && AsLambda(arguments[i].Value) == null);
            if (readsMembers && roles.PersonalType(ValueType(arguments[i].Value)) != null)
            {
                continue;
            }

            passed = passed.Union(argumentTaint[i]);
        }

        if (invocation.Instance != null && !passed.IsEmpty && ValueShapes.StoresArgumentsInReceiver(method)
            && ValueShapes.RootVariable(invocation.Instance) is { } receiverVariable)
        {
            state.AddTaint(receiverVariable, passed);
        }

        if (ValueShapes.ReturnsNothing(method))
        {
            return TaintSet.Empty;
        }

        var result = TaintSet.Empty
            .Add(roles.PersonalMember(method))
            .Add(roles.PersonalType(invocation.Type));
        var returned = TaintSet.Empty;
        var returnKnown = context.Summaries != null && !method.DeclaringSyntaxReferences.IsEmpty && roles.PersonalType(invocation.Type) == null
            && context.Summaries.TryGetReturns(method.OriginalDefinition, context.CancellationToken, out returned);
        if (returnKnown)
        {
            // A helper of the compilation that returns personal data it reads itself (its return summary).
            result = result.Union(returned.WithoutParameterMarkers());
        }

        if (ValueShapes.IsScalar(invocation.Type))
        {
            return result;
        }

        // With the helper's body known, only the arguments that flow into its result taint it: passing an Order
        // (whose buyer is personal data) to a method that returns a price quote does not make the quote personal.
        result = result.Union(returnKnown ? ArgumentsReturned(arguments, argumentTaint, returned) : passed);
        if (invocation.Instance != null && roles.PersonalType(invocation.Instance.Type) == null)
        {
            result = result.Union(receiver);
        }

        return result;
    }

    /// <summary>The taint of the arguments whose parameter the callee's return summary marks as flowing into its result.</summary>
    private static TaintSet ArgumentsReturned(ImmutableArray<IArgumentOperation> arguments, TaintSet[] argumentTaint, TaintSet returned)
    {
        var taint = TaintSet.Empty;
        foreach (var label in returned.Labels)
        {
            if (!label.IsParameterMarker)
            {
                continue;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter?.Ordinal == label.ParameterOrdinal)
                {
                    taint = taint.Union(argumentTaint[i]);
                }
            }
        }

        return taint;
    }

    /// <summary>The type of a value before implicit conversions (a Customer passed as object is still a Customer).</summary>
    private static ITypeSymbol? ValueType(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation.Type;
    }

    private static IFlowAnonymousFunctionOperation? AsLambda(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda } ? lambda : null;
    }

    /// <summary>
    /// Analyses a lambda's own graph, starting from the state where it is created (captured variables
    /// keep their taint; a consent check before the lambda guards the sinks inside it).
    /// </summary>
    private TaintSet EvaluateLambda(IFlowAnonymousFunctionOperation lambda, FlowState state, bool record, TaintSet parameterSeed)
    {
        if (!record && context.LambdaResults.TryGetValue(lambda, out var known))
        {
            return known;
        }

        var seeds = parameterSeeds == null
            ? new Dictionary<IParameterSymbol, TaintSet>(SymbolEqualityComparer.Default)
            : new Dictionary<IParameterSymbol, TaintSet>((IDictionary<IParameterSymbol, TaintSet>)parameterSeeds, SymbolEqualityComparer.Default);
        if (!parameterSeed.IsEmpty)
        {
            foreach (var parameter in lambda.Symbol.Parameters)
            {
                seeds[parameter] = parameterSeed;
            }
        }

        var lambdaGraph = graph.GetAnonymousFunctionControlFlowGraph(lambda, context.CancellationToken);
        var result = new GraphFlowAnalysis(context, lambdaGraph, state.Clone(), seeds).Run(record);
        context.LambdaResults[lambda] = result;
        return result;
    }

    private TaintSet EvaluateDeconstruction(IDeconstructionAssignmentOperation deconstruction, FlowState state, bool record)
    {
        var targets = Unwrap(deconstruction.Target) as ITupleOperation;
        var values = Unwrap(deconstruction.Value) as ITupleOperation;
        if (targets != null && values != null && targets.Elements.Length == values.Elements.Length)
        {
            var all = TaintSet.Empty;
            for (var i = 0; i < values.Elements.Length; i++)
            {
                var value = Evaluate(values.Elements[i], state, record);
                Assign(targets.Elements[i], value, ConsentConditions.Of(values.Elements[i], state, context.Roles), state, record);
                all = all.Union(value);
            }

            return all;
        }

        var whole = Evaluate(deconstruction.Value, state, record);
        Assign(deconstruction.Target, whole, ConsentPolarity.None, state, record);
        return whole;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDeclarationExpressionOperation declaration:
                    operation = declaration.Expression;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// Writes a value: a variable now holds exactly it; a member or element of a variable adds it to
    /// what the variable holds (<c>dto.Email = customer.Email</c> makes <c>dto</c> personal data).
    /// </summary>
    private void Assign(IOperation target, TaintSet value, ConsentPolarity polarity, FlowState state, bool record)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                state.SetTaint(local.Local, value);
                state.SetConsentHolder(local.Local, polarity);
                return;
            case IParameterReferenceOperation parameter:
                state.SetTaint(parameter.Parameter, value);
                state.SetConsentHolder(parameter.Parameter, polarity);
                return;
            case IFlowCaptureReferenceOperation capture:
                state.SetTaint(capture.Id, value);
                state.SetConsentHolder(capture.Id, polarity);
                return;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value, polarity, state, record);
                return;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Assign(element, value, ConsentPolarity.None, state, record);
                }

                return;
            case IMemberReferenceOperation member:
                Evaluate(member.Instance, state, record);
                break;
            case IArrayElementReferenceOperation element:
                Evaluate(element.ArrayReference, state, record);
                break;
        }

        if (ValueShapes.RootVariable(target) is { } variable)
        {
            state.AddTaint(variable, value);
        }
    }

    private void RecordSinkHits(IInvocationOperation invocation, TaintSet[] argumentTaint, FlowState state)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        var sink = context.Roles.Sink(method);
        if (sink != null)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (!argumentTaint[i].IsEmpty && arguments[i].Parameter is { } parameter && sink.Covers(parameter.Ordinal))
                {
                    AddHit(sink, invocation, arguments[i].Value, argumentTaint[i], state, via: null);
                }
            }

            return;
        }

        if (context.Summaries == null || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return;
        }

        var summary = context.Summaries.Get(method.OriginalDefinition, context.CancellationToken);
        foreach (var summarySink in summary.Sinks)
        {
            if (summarySink.ParameterIsPersonalInCallee)
            {
                continue;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (!argumentTaint[i].IsEmpty && arguments[i].Parameter?.Ordinal == summarySink.ParameterOrdinal)
                {
                    AddHit(summarySink.Sink, invocation, arguments[i].Value, argumentTaint[i], state, via: MethodDisplay.Of(method));
                }
            }
        }
    }

    /// <summary>
    /// A sink passed as a method group (<c>customers.ForEach(crm.Upsert)</c>, <c>emails.ForEach(Console.WriteLine)</c>)
    /// is called with what the call's other inputs carry: a sink call at the method group.
    /// </summary>
    private void RecordMethodGroupSinks(IInvocationOperation invocation, TaintSet inputs, FlowState state)
    {
        if (inputs.IsEmpty)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IDelegateCreationOperation { Target: IMethodReferenceOperation group } && context.Roles.Sink(group.Method) is { } sink
                && group.Method.Parameters.Any(p => sink.Covers(p.Ordinal)))
            {
                AddHit(sink, invocation, argument.Value, inputs, state, via: null);
            }
        }
    }

    private void AddHit(PrivacySink sink, IInvocationOperation invocation, IOperation argument, TaintSet taint, FlowState state, string? via)
    {
        var parts = ImmutableArray.CreateBuilder<TaintedPart>();
        CollectTaintedParts(argument, parts);
        if (parts.Count == 0)
        {
            parts.Add(new TaintedPart(argument, taint));
        }

        context.Hits.Add(new SinkHit(sink, invocation, argument, taint, parts.ToImmutable(), state.ConsentEstablished, via));
    }

    /// <summary>
    /// The innermost expressions that carry the data: the holes of an interpolated string, the operands
    /// of a concatenation, the elements of a params array; otherwise the argument itself.
    /// </summary>
    private bool CollectTaintedParts(IOperation operation, ImmutableArray<TaintedPart>.Builder parts)
    {
        if (!recordedTaint!.TryGetValue(operation, out var taint))
        {
            return false;
        }

        var found = false;
        switch (operation)
        {
            case IConversionOperation conversion:
                found = CollectTaintedParts(conversion.Operand, parts);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        found |= CollectTaintedParts(hole.Expression, parts);
                    }
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                found |= CollectTaintedParts(concatenation.LeftOperand, parts);
                found |= CollectTaintedParts(concatenation.RightOperand, parts);
                break;
            case IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    found |= CollectTaintedParts(element, parts);
                }

                break;
        }

        if (!found)
        {
            parts.Add(new TaintedPart(operation, taint));
        }

        return true;
    }
}
