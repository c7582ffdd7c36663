namespace ServicePolicy.Analyzers.CodeFixes;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ServicePolicy.Analyzers.Privacy;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

/// <summary>
/// Works out the consent guard for one SP1001 diagnostic: which consent check to call (the first the
/// analyzer resolved that can be reached from here: a static method, or an instance one through a
/// parameter, local, field or property of its type), its arguments (the data subject's id taken from
/// the object the data comes from, the purpose and recipient from the policy, the cancellation token
/// in scope), and how to leave when consent is missing (<c>continue</c> in a loop, else a return
/// suited to the function: <c>return;</c>, <c>return Forbid();</c>, <c>return Results.Forbid();</c>,
/// <c>return false;</c>, <c>return default;</c>). No plan when any of these cannot be found.
/// </summary>
internal static class GuardPlanner
{
    private static readonly string[] SubjectMemberNames = { "Id", "CustomerId", "SubjectId", "UserId", "BuyerId", "ClientId" };

    public static GuardPlan? Plan(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var function = node.AncestorsAndSelf().FirstOrDefault(IsFunction);
        if (function == null)
        {
            return null;
        }

        var functionSymbol = function is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
        if (functionSymbol == null)
        {
            return null;
        }

        var (placement, anchor) = FindAnchor(node, function);
        if (anchor == null)
        {
            return null;
        }

        var position = anchor.SpanStart;
        var exit = ExitStatement(model, function, functionSymbol, anchor, placement);
        if (exit == null)
        {
            return null;
        }

        // In an async function the awaitable check reads best (and passes the cancellation token);
        // elsewhere only a synchronous one can be called. The policy's order decides among equals.
        var checks = FixHintReader.Methods(diagnostic, PrivacyFixHints.ConsentChecksProperty, model.Compilation)
            .OrderBy(c => functionSymbol.IsAsync == IsAwaitable(c) ? 0 : 1);
        foreach (var check in checks)
        {
            var condition = CheckCall(model, check, functionSymbol, node, position, diagnostic, cancellationToken);
            if (condition == null)
            {
                continue;
            }

            var guard = IfStatement(
                    PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, condition),
                    Block(exit))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return new GuardPlan(placement, anchor, function, guard, ReturnsValue(functionSymbol));
        }

        return null;
    }

    private static bool IsFunction(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax;

    /// <summary>The innermost statement of the function that contains the sink, and how to put a guard before it.</summary>
    private static (GuardPlacement, SyntaxNode?) FindAnchor(SyntaxNode node, SyntaxNode function)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor == function)
            {
                break;
            }

            if (ancestor is StatementSyntax statement)
            {
                return statement.Parent is BlockSyntax or SwitchSectionSyntax
                    ? (GuardPlacement.BeforeStatement, statement)
                    : (GuardPlacement.WrapEmbeddedStatement, statement);
            }

            if (ancestor is ArrowExpressionClauseSyntax arrow && arrow.Parent == function)
            {
                return (GuardPlacement.ExpandExpressionBody, arrow.Expression);
            }

            if (ancestor is ExpressionSyntax expression && function is AnonymousFunctionExpressionSyntax lambda && lambda.ExpressionBody == expression)
            {
                return (GuardPlacement.ExpandExpressionBody, expression);
            }
        }

        return (GuardPlacement.BeforeStatement, null);
    }

    /// <summary><c>await consent.HasConsentAsync(customer.Id, "crm-sync", ct)</c>, or null when it cannot be written here.</summary>
    private static ExpressionSyntax? CheckCall(SemanticModel model, IMethodSymbol check, IMethodSymbol function, SyntaxNode dataNode, int position, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var awaits = IsAwaitable(check);
        if ((awaits && !function.IsAsync) || !model.IsAccessible(position, check))
        {
            return null;
        }

        var receiver = check.IsStatic
            ? TypeName(check.ContainingType)
            : FindReceiver(model, check.ContainingType, function, position);
        if (receiver == null)
        {
            return null;
        }

        var arguments = Arguments(model, check, dataNode, position, diagnostic, cancellationToken);
        if (arguments == null)
        {
            return null;
        }

        ExpressionSyntax call = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, IdentifierName(check.Name)),
            ArgumentList(SeparatedList(arguments)));
        return awaits ? AwaitExpression(call) : call;
    }

    private static bool IsAwaitable(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" };

    private static ExpressionSyntax TypeName(ITypeSymbol type) =>
        ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>A parameter, local, field or property in scope whose type offers the check.</summary>
    private static ExpressionSyntax? FindReceiver(SemanticModel model, INamedTypeSymbol checkType, IMethodSymbol function, int position)
    {
        ISymbol? best = null;
        var bestRank = int.MaxValue;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, rank) = symbol switch
            {
                IParameterSymbol parameter => (parameter.Type, 0),
                ILocalSymbol local when DeclaredBefore(local, position) => (local.Type, 1),
                IFieldSymbol field when CanUseMember(field, function) => (field.Type, 2),
                IPropertySymbol property when CanUseMember(property, function) && !property.IsIndexer => (property.Type, 3),
                _ => (null, int.MaxValue),
            };
            if (type != null && rank < bestRank && IsAssignableTo(type, checkType))
            {
                best = symbol;
                bestRank = rank;
            }
        }

        return best == null ? null : IdentifierName(best.Name);
    }

    private static bool CanUseMember(ISymbol member, IMethodSymbol function) => member.IsStatic || !function.IsStatic;

    /// <summary>
    /// A local can be used at <paramref name="position"/> once its declaration is complete: a
    /// <c>var x = ...;</c> before it, or a foreach, catch or pattern variable whose scope it is in.
    /// </summary>
    private static bool DeclaredBefore(ILocalSymbol local, int position) =>
        local.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax() is VariableDeclaratorSyntax ? r.Span.End <= position : r.Span.Start < position);

    private static List<ArgumentSyntax>? Arguments(SemanticModel model, IMethodSymbol check, SyntaxNode dataNode, int position, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var owners = DataOwners(model, dataNode, position, cancellationToken);
        var arguments = new List<ArgumentSyntax>();
        var named = false;
        foreach (var parameter in check.Parameters)
        {
            var value = ArgumentFor(model, parameter, owners, position, diagnostic);
            if (value == null)
            {
                if (!parameter.IsOptional)
                {
                    return null;
                }

                // Later arguments are named, so that the skipped optional one keeps its default.
                named = true;
                continue;
            }

            var argument = Argument(value);
            arguments.Add(named ? argument.WithNameColon(NameColon(parameter.Name)) : argument);
        }

        return arguments;
    }

    private static ExpressionSyntax? ArgumentFor(SemanticModel model, IParameterSymbol parameter, List<(ExpressionSyntax Expression, ITypeSymbol Type)> owners, int position, Diagnostic diagnostic)
    {
        var compilation = model.Compilation;
        if (parameter.Type is INamedTypeSymbol { Name: "CancellationToken" } tokenType)
        {
            var token = InScope(model, position).FirstOrDefault(s => SymbolEqualityComparer.Default.Equals(s.Type, tokenType));
            return token.Symbol != null ? IdentifierName(token.Symbol.Name)
                : parameter.IsOptional ? null
                : MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(tokenType), IdentifierName("None"));
        }

        if (parameter.Type.SpecialType == SpecialType.System_String)
        {
            if (parameter.Name.IndexOf("purpose", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return Literal(FixHintReader.Text(diagnostic, PrivacyFixHints.PurposeProperty));
            }

            if (parameter.Name.IndexOf("recipient", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return Literal(FixHintReader.Text(diagnostic, PrivacyFixHints.RecipientProperty));
            }
        }

        // A variable named like the parameter (customerId for customerId).
        foreach (var (symbol, type) in InScope(model, position))
        {
            if (string.Equals(symbol.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && Converts(compilation, type, parameter.Type))
            {
                return IdentifierName(symbol.Name);
            }
        }

        // The object the data comes from, or its id (customer, customer.Id).
        foreach (var (owner, ownerType) in owners)
        {
            if (parameter.Type.SpecialType != SpecialType.System_Object && Converts(compilation, ownerType, parameter.Type))
            {
                return owner.WithoutTrivia();
            }

            foreach (var name in MemberNamesFor(parameter, ownerType))
            {
                var member = FindProperty(ownerType, name);
                if (member != null && Converts(compilation, member.Type, parameter.Type))
                {
                    return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(owner.WithoutTrivia()), IdentifierName(member.Name));
                }
            }
        }

        return null;
    }

    private static ExpressionSyntax? Literal(string text) =>
        text.Length == 0 ? null : LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ThisExpressionSyntax
            ? expression
            : ParenthesizedExpression(expression);

    private static IEnumerable<string> MemberNamesFor(IParameterSymbol parameter, ITypeSymbol ownerType)
    {
        yield return parameter.Name;
        if (parameter.Name.StartsWith(ownerType.Name, StringComparison.OrdinalIgnoreCase) && parameter.Name.Length > ownerType.Name.Length)
        {
            yield return parameter.Name.Substring(ownerType.Name.Length);
        }

        foreach (var name in SubjectMemberNames)
        {
            yield return name;
        }
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property
                    && string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Candidates for "whose data is this": the objects the flagged expression reads from
    /// (<c>customer</c> in <c>customer.Email</c>), then the parameters and locals in scope.
    /// </summary>
    private static List<(ExpressionSyntax, ITypeSymbol)> DataOwners(SemanticModel model, SyntaxNode dataNode, int position, CancellationToken cancellationToken)
    {
        var owners = new List<(ExpressionSyntax, ITypeSymbol)>();
        foreach (var access in dataNode.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
        {
            var type = model.GetTypeInfo(access.Expression, cancellationToken).Type;
            if (IsApplicationObject(type) && IsStable(model, access.Expression, cancellationToken))
            {
                owners.Add((access.Expression, type!));
            }
        }

        foreach (var identifier in dataNode.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            var type = (symbol as ILocalSymbol)?.Type ?? (symbol as IParameterSymbol)?.Type;
            if (IsApplicationObject(type))
            {
                owners.Add((identifier, type!));
            }
        }

        foreach (var (symbol, type) in InScope(model, position))
        {
            if (IsApplicationObject(type))
            {
                owners.Add((IdentifierName(symbol.Name), type));
            }
        }

        return owners;
    }

    /// <summary>Only variables and member reads are repeated in the guard, never calls with side effects.</summary>
    private static bool IsStable(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        while (expression is MemberAccessExpressionSyntax access)
        {
            if (model.GetSymbolInfo(access, cancellationToken).Symbol is not (IPropertySymbol or IFieldSymbol))
            {
                return false;
            }

            expression = access.Expression;
        }

        return expression is IdentifierNameSyntax or ThisExpressionSyntax;
    }

    private static bool IsApplicationObject(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } named
        && !(named.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) ?? false)
        && !(named.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft", StringComparison.Ordinal) ?? false);

    private static IEnumerable<(ISymbol Symbol, ITypeSymbol Type)> InScope(SemanticModel model, int position)
    {
        foreach (var symbol in model.LookupSymbols(position))
        {
            switch (symbol)
            {
                case IParameterSymbol parameter:
                    yield return (parameter, parameter.Type);
                    break;
                case ILocalSymbol local when DeclaredBefore(local, position):
                    yield return (local, local.Type);
                    break;
            }
        }
    }

    private static bool Converts(Compilation compilation, ITypeSymbol from, ITypeSymbol to) =>
        compilation.ClassifyCommonConversion(from, to) is { Exists: true, IsImplicit: true };

    private static bool IsAssignableTo(ITypeSymbol type, INamedTypeSymbol target)
    {
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target.OriginalDefinition))
        {
            return true;
        }

        for (var current = type.BaseType; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target.OriginalDefinition))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target.OriginalDefinition));
    }

    // ------------------------------------------------------------------ leaving the function

    /// <summary>How to leave when consent is missing, or null when no sensible way is known.</summary>
    private static StatementSyntax? ExitStatement(SemanticModel model, SyntaxNode function, IMethodSymbol symbol, SyntaxNode anchor, GuardPlacement placement)
    {
        if (placement != GuardPlacement.ExpandExpressionBody && IsInLoop(anchor, function))
        {
            return ContinueStatement();
        }

        if (function.DescendantNodes().Any(n => n is YieldStatementSyntax))
        {
            return YieldStatement(SyntaxKind.YieldBreakStatement);
        }

        var returnType = symbol.ReturnType;
        if (symbol.ReturnsVoid)
        {
            return ReturnStatement();
        }

        var taskResult = TaskResult(returnType);
        if (symbol.IsAsync)
        {
            if (taskResult == null)
            {
                return ReturnStatement();
            }

            returnType = taskResult;
        }
        else if (returnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false } task)
        {
            return ReturnStatement(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(task), IdentifierName("CompletedTask")));
        }
        else if (taskResult != null)
        {
            return null;
        }

        var value = RefusalValue(model, returnType, symbol);
        return value == null ? null : ReturnStatement(value);
    }

    private static ExpressionSyntax? RefusalValue(SemanticModel model, ITypeSymbol type, IMethodSymbol function)
    {
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return LiteralExpression(SyntaxKind.FalseLiteralExpression);
        }

        var compilation = model.Compilation;
        var actionResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.IActionResult");
        var controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        var isActionResult = actionResult != null
            && (IsAssignableTo(type, actionResult) || type is INamedTypeSymbol { Name: "ActionResult", IsGenericType: true });
        if (isActionResult && controllerBase != null && function.ContainingType != null && IsAssignableTo(function.ContainingType, controllerBase))
        {
            return InvocationExpression(IdentifierName("Forbid"));
        }

        var httpResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult");
        var results = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results");
        if (httpResult != null && results != null && SymbolEqualityComparer.Default.Equals(type, httpResult))
        {
            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(results), IdentifierName("Forbid")));
        }

        var @default = LiteralExpression(SyntaxKind.DefaultLiteralExpression);
        return type.IsReferenceType
            ? PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, @default)
            : @default;
    }

    private static ITypeSymbol? TaskResult(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: true, TypeArguments.Length: 1 } task ? task.TypeArguments[0] : null;

    private static bool ReturnsValue(IMethodSymbol symbol)
    {
        if (symbol.ReturnsVoid)
        {
            return false;
        }

        return !symbol.IsAsync || TaskResult(symbol.ReturnType) != null;
    }

    private static bool IsInLoop(SyntaxNode anchor, SyntaxNode function)
    {
        foreach (var ancestor in anchor.Ancestors())
        {
            if (ancestor == function)
            {
                return false;
            }

            if (ancestor is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachVariableStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
