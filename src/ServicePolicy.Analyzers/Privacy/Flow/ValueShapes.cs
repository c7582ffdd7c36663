namespace ServicePolicy.Analyzers.Privacy.Flow;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Classification;

/// <summary>Facts about types and operations that decide how taint moves; all cheap, no allocation.</summary>
internal static class ValueShapes
{
    private static readonly string[] TasksNamespace = { "System", "Threading", "Tasks" };

    /// <summary>
    /// Numbers, booleans, enums, dates and ids: a value of such a type computed from personal data (the
    /// length of an e-mail address, whether a name is empty) is not itself treated as personal data.
    /// A member explicitly classified as personal keeps its label whatever its type.
    /// </summary>
    public static bool IsScalar(ITypeSymbol? type)
    {
        type = UnwrapTaskOrNullable(type);
        if (type == null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
            case SpecialType.System_Void:
                return true;
        }

        if (type.TypeKind == TypeKind.Struct && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            switch (type.Name)
            {
                case "Guid":
                case "TimeSpan":
                case "DateTimeOffset":
                case "DateOnly":
                case "TimeOnly":
                    return true;
            }
        }

        return false;
    }

    public static bool IsBooleanLike(ITypeSymbol? type) =>
        UnwrapTaskOrNullable(type)?.SpecialType == SpecialType.System_Boolean;

    /// <summary>void, Task or ValueTask: a method that returns nothing to test.</summary>
    public static bool ReturnsNothing(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return true;
        }

        var type = method.ReturnType as INamedTypeSymbol;
        return type is { IsGenericType: false, Name: "Task" or "ValueTask" }
            && SymbolNames.IsNamespace(type.ContainingNamespace, TasksNamespace);
    }

    /// <summary>The variable an operation writes into when it writes into one of its members or elements.</summary>
    public static object? RootVariable(IOperation? operation)
    {
        while (operation != null)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFlowCaptureReferenceOperation capture:
                    return capture.Id;
                case IMemberReferenceOperation member:
                    operation = member.Instance;
                    break;
                case IArrayElementReferenceOperation element:
                    operation = element.ArrayReference;
                    break;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Methods that store their arguments in the receiver: <c>list.Add(x)</c>, <c>builder.Append(x)</c>,
    /// <c>headers.Set(k, v)</c>. After such a call the receiver holds what was passed.
    /// </summary>
    public static bool StoresArgumentsInReceiver(IMethodSymbol method)
    {
        if (method.IsStatic && !method.IsExtensionMethod)
        {
            return false;
        }

        var name = method.Name;
        return name.StartsWith("Add", System.StringComparison.Ordinal)
            || name.StartsWith("Append", System.StringComparison.Ordinal)
            || name.StartsWith("Insert", System.StringComparison.Ordinal)
            || name.StartsWith("Push", System.StringComparison.Ordinal)
            || name.StartsWith("Enqueue", System.StringComparison.Ordinal)
            || name.StartsWith("TryAdd", System.StringComparison.Ordinal)
            || name.StartsWith("Set", System.StringComparison.Ordinal)
            || name.StartsWith("Write", System.StringComparison.Ordinal)
            || name.StartsWith("Put", System.StringComparison.Ordinal);
    }

    private static ITypeSymbol? UnwrapTaskOrNullable(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (named.Name is "Task" or "ValueTask" || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
        {
            return named.TypeArguments[0];
        }

        return type;
    }
}
