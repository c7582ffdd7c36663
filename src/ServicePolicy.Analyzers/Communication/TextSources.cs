namespace ServicePolicy.Analyzers.Communication;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>A piece of text written in the code (a literal, a part of an interpolated string, a constant) and where it is written.</summary>
internal readonly struct TextPiece
{
    public TextPiece(string text, SyntaxNode syntax)
    {
        Text = text;
        Syntax = syntax;
    }

    public string Text { get; }

    public SyntaxNode Syntax { get; }
}

/// <summary>
/// Finds the literal text a value is made of, within one method: literals and constants,
/// interpolated-string text parts, concatenations, both branches of <c>?:</c> and <c>??</c>, switch
/// expression arms, <c>string.Format</c>/<c>Concat</c>/<c>Join</c> arguments, and the literals assigned
/// to a local that is passed on (every assignment in the same body counts).
/// </summary>
internal static class TextSources
{
    private const int MaxDepth = 12;

    public static List<TextPiece> Collect(IOperation value)
    {
        var pieces = new List<TextPiece>();
        Collect(value, pieces, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);
        return pieces;
    }

    private static void Collect(IOperation? value, List<TextPiece> pieces, HashSet<ILocalSymbol> visitedLocals, int depth)
    {
        if (value == null || depth > MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value is string text:
                pieces.Add(new TextPiece(text, literal.Syntax));
                return;

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string partText } } textPart)
                    {
                        pieces.Add(new TextPiece(partText, textPart.Syntax));
                    }
                    else if (part is IInterpolationOperation hole)
                    {
                        Collect(hole.Expression, pieces, visitedLocals, depth + 1);
                    }
                }

                return;

            case IBinaryOperation { ConstantValue: { HasValue: true, Value: string joined } } constantConcatenation:
                // "risk" + "-free": a constant is scanned whole, so a phrase split across the pieces is found.
                pieces.Add(new TextPiece(joined, constantConcatenation.Syntax));
                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Collect(binary.LeftOperand, pieces, visitedLocals, depth + 1);
                Collect(binary.RightOperand, pieces, visitedLocals, depth + 1);
                return;

            case IConversionOperation conversion:
                Collect(conversion.Operand, pieces, visitedLocals, depth + 1);
                return;

            case IConditionalOperation conditional:
                Collect(conditional.WhenTrue, pieces, visitedLocals, depth + 1);
                Collect(conditional.WhenFalse, pieces, visitedLocals, depth + 1);
                return;

            case ICoalesceOperation coalesce:
                Collect(coalesce.Value, pieces, visitedLocals, depth + 1);
                Collect(coalesce.WhenNull, pieces, visitedLocals, depth + 1);
                return;

            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Collect(arm.Value, pieces, visitedLocals, depth + 1);
                }

                return;

            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                                                     && invocation.TargetMethod.Name is "Format" or "Concat" or "Join":
                foreach (var argument in invocation.Arguments)
                {
                    Collect(argument.Value, pieces, visitedLocals, depth + 1);
                }

                return;

            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Collect(element, pieces, visitedLocals, depth + 1);
                }

                return;

            case ILocalReferenceOperation local when !local.Local.IsConst:
                if (visitedLocals.Add(local.Local))
                {
                    foreach (var assigned in AssignmentsOf(local))
                    {
                        Collect(assigned, pieces, visitedLocals, depth + 1);
                    }
                }

                return;

            default:
                // Constants by name (const fields and locals): the text is reported where it is used.
                if (value.ConstantValue.HasValue && value.ConstantValue.Value is string constant && value is IFieldReferenceOperation or ILocalReferenceOperation)
                {
                    pieces.Add(new TextPiece(constant, value.Syntax));
                }

                return;
        }
    }

    /// <summary>Every value assigned to the local in the body that contains <paramref name="reference"/>.</summary>
    private static IEnumerable<IOperation> AssignmentsOf(ILocalReferenceOperation reference)
    {
        var root = (IOperation)reference;
        while (root.Parent != null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) && declarator.Initializer != null:
                    yield return declarator.Initializer.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}
