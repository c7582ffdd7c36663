namespace ServicePolicy.Analyzers.Privacy;

using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// The flow engine's view of the policy and the annotations, over <see cref="SymbolClassifier"/>: one
/// label per classified symbol (so labels compare by reference), whole-object classification of
/// types, and sinks of both kinds. One instance per compilation; every answer is cached.
/// </summary>
internal sealed class PolicyPrivacyRoles : IPrivacyRoles
{
    /// <summary>How deep a type's members are searched for personal data (Order.Buyer.Address.PostalCode).</summary>
    private const int MaxTypeDepth = 3;

    [ThreadStatic]
    private static HashSet<ITypeSymbol>? typesInProgress;

    private readonly SymbolClassifier classifier;
    // Asked for every operation the engine visits: identity first, then symbol equality (see SymbolKeyComparer).
    private readonly ConcurrentDictionary<ISymbol, LabelBox> memberLabels = new(SymbolKeyComparer<ISymbol>.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, LabelBox> typeLabels = new(SymbolKeyComparer<ITypeSymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, SinkBox> sinks = new(SymbolKeyComparer<IMethodSymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, ConsentCheckKind> consentChecks = new(SymbolKeyComparer<IMethodSymbol>.Instance);

    private readonly RuntimeTypes? runtimeTypes;

    public PolicyPrivacyRoles(SymbolClassifier classifier, Compilation? compilation = null)
    {
        this.classifier = classifier;
        runtimeTypes = compilation == null ? null : new RuntimeTypes(compilation);
    }

    public TaintLabel? PersonalMember(ISymbol symbol)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol or IParameterSymbol or IMethodSymbol))
        {
            return null;
        }

        if (memberLabels.TryGetValue(symbol, out var known))
        {
            return known.Label;
        }

        var info = classifier.GetPersonalData(symbol);
        var label = info == null
            ? null
            : TaintLabel.ForData(Describe(symbol), symbol, info.Category, info.RedactInLogs);
        return memberLabels.GetOrAdd(symbol, new LabelBox(label)).Label;
    }

    public TaintLabel? PersonalType(ITypeSymbol? type)
    {
        if (type == null || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        return typeLabels.TryGetValue(type, out var known) ? known.Label : PersonalType(type, 0);
    }

    public bool IsRedactor(IMethodSymbol method) => classifier.IsRedactor(method);

    public ConsentCheckKind ConsentCheck(IMethodSymbol method)
    {
        if (consentChecks.TryGetValue(method, out var known))
        {
            return known;
        }

        var kind = ConsentCheckKind.None;
        if (classifier.IsConsentCheck(method))
        {
            if (ValueShapes.IsBooleanLike(method.ReturnType))
            {
                kind = ConsentCheckKind.ReturnsAnswer;
            }
            else if (ValueShapes.ReturnsNothing(method))
            {
                if (IsThrowingCheckName(method.Name))
                {
                    kind = ConsentCheckKind.ThrowsWhenMissing;
                }
            }
            else
            {
                // A decision object (the ServicePolicy engine's Decision, with IsAllowed).
                kind = ConsentCheckKind.ReturnsDecision;
            }
        }

        return consentChecks.GetOrAdd(method, kind);
    }

    public PrivacySink? Sink(IMethodSymbol method)
    {
        if (sinks.TryGetValue(method, out var known))
        {
            return known.Sink;
        }

        PrivacySink? sink = null;
        var thirdParty = classifier.GetThirdPartySink(method);
        if (thirdParty != null)
        {
            var ordinals = thirdParty.ParameterOrdinals.IsDefault
                ? SinkParameters.Of(method, classifier.Bindings.ThirdPartySinks.Select(s => s.Pattern))
                : thirdParty.ParameterOrdinals;
            sink = new PrivacySink(SinkKind.ThirdParty, MethodDisplay.Of(method), thirdParty.Recipient, ordinals);
        }
        else if (classifier.IsLogSink(method))
        {
            sink = new PrivacySink(SinkKind.Log, MethodDisplay.Of(method), "", SinkParameters.Of(method, classifier.Bindings.LogSinks.Select(s => s.Pattern)));
        }

        return sinks.GetOrAdd(method, new SinkBox(sink)).Sink;
    }

    /// <summary>
    /// A check that returns nothing guards what follows only if it throws without consent; the name
    /// says so (EnsureConsent, RequireConsent...). Other methods matched by a broad policy pattern
    /// (<c>IConsentService.*</c> also matches <c>RecordConsentAsync</c>) are not guards.
    /// </summary>
    private static bool IsThrowingCheckName(string name) =>
        name.StartsWith("Ensure", System.StringComparison.Ordinal)
        || name.StartsWith("Require", System.StringComparison.Ordinal)
        || name.StartsWith("Assert", System.StringComparison.Ordinal)
        || name.StartsWith("Demand", System.StringComparison.Ordinal)
        || name.StartsWith("Verify", System.StringComparison.Ordinal)
        || name.StartsWith("Throw", System.StringComparison.Ordinal);

    private TaintLabel? PersonalType(ITypeSymbol type, int depth)
    {
        if (typeLabels.TryGetValue(type, out var known))
        {
            return known.Label;
        }

        if (IsNeverPersonal(type))
        {
            return typeLabels.GetOrAdd(type, LabelBox.Nothing).Label;
        }

        if (depth > MaxTypeDepth)
        {
            return null;
        }

        // A cycle (Customer.Referrer is a Customer) reads as "not personal" while it is being computed;
        // the in-progress set is per thread so that another thread never sees a half-computed answer.
        var inProgress = typesInProgress ??= new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(type))
        {
            return null;
        }

        try
        {
            var label = ComputeTypeLabel(type, depth);
            return typeLabels.GetOrAdd(type, new LabelBox(label)).Label;
        }
        finally
        {
            inProgress.Remove(type);
        }
    }

    private TaintLabel? ComputeTypeLabel(ITypeSymbol type, int depth)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return PersonalType(array.ElementType, depth);
            case ITypeParameterSymbol parameter:
                // A constrained type parameter is as personal as the first type of the compilation that can stand for it.
                return runtimeTypes?.Of(parameter).Select(instance => PersonalType(instance, depth + 1)).FirstOrDefault(label => label != null);
            // (Not a generic type of the compilation named with its own type parameters, as in its own declaration:
            // LoggingBehaviour<TRequest, TResponse> holds no request, whatever TRequest may be.)
            case INamedTypeSymbol { IsGenericType: true } generic when (!IsInSource(generic) || !HasOwnPersonalMembers(generic)) && !IsOpenDefinition(generic):
                // List<Customer>, Task<Customer>, Dictionary<int, Customer>, ActionResult<Customer>...
                foreach (var argument in generic.TypeArguments)
                {
                    if (PersonalType(argument, depth + 1) is { } element)
                    {
                        return element;
                    }
                }

                return null;
            case INamedTypeSymbol { IsAbstract: true } named when IsInSource(named) && runtimeTypes != null:
                // An interface or abstract class of the compilation: its own members, or else what one of the
                // concrete types that stand for it at run time carries (a NotificationBase that is a CustomerNotice).
                return ComputeObjectLabel(named, depth)
                    ?? runtimeTypes.Of(named).Select(instance => PersonalType(instance, depth + 1)).FirstOrDefault(label => label != null);
            case INamedTypeSymbol named:
                return ComputeObjectLabel(named, depth);
            default:
                return null;
        }
    }

    private static bool IsOpenDefinition(INamedTypeSymbol type) =>
        IsInSource(type) && SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition);

    private static bool IsInSource(ITypeSymbol type) => type.Locations.Length > 0 && type.Locations[0].IsInSource;

    private bool HasOwnPersonalMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.OriginalDefinition.GetMembers())
        {
            if (IsDataMember(member) && PersonalMember(member) != null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Customer (Email, Phone)": a type with personal members, its own or inherited, or nested in a member.</summary>
    private TaintLabel? ComputeObjectLabel(INamedTypeSymbol type, int depth)
    {
        var names = new StringBuilder();
        var count = 0;
        var category = "";
        var redactInLogs = false;
        var typeAnnotated = HasPersonalDataAttribute(type);
        for (var current = type; current != null && !IsNeverPersonal(current); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!IsDataMember(member))
                {
                    continue;
                }

                var direct = PersonalMember(member);
                var nested = direct == null && MemberType(member) is { } memberType ? PersonalType(memberType, depth + 1) : null;
                var found = direct ?? nested;
                if (found == null)
                {
                    continue;
                }

                if (count < 3)
                {
                    names.Append(count == 0 ? "" : ", ").Append(member.Name);
                }

                count++;
                category = category.Length == 0 ? found.Category : category;
                redactInLogs |= found.RedactInLogs;
            }
        }

        if (count == 0 && !typeAnnotated)
        {
            return null;
        }

        var description = count == 0
            ? type.Name
            : type.Name + " (" + names + (count > 3 ? ", ..." : "") + ")";
        return TaintLabel.ForData(description, type, category, redactInLogs || count == 0);
    }

    private static bool HasPersonalDataAttribute(INamedTypeSymbol type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "PersonalDataAttribute", ContainingNamespace.Name: "Annotations" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The public shape of a type is its data: an entity's or DTO's public properties. Private fields
    /// are a service's dependencies (a repository's DbContext does not make the repository personal data).
    /// </summary>
    private static bool IsDataMember(ISymbol member) =>
        !member.IsStatic && !member.IsImplicitlyDeclared && member.DeclaredAccessibility == Accessibility.Public
        && member is IPropertySymbol { IsIndexer: false } or IFieldSymbol;

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    /// <summary>
    /// Primitives, strings, enums, delegates and the platform's own types (System.*, Microsoft.*: an
    /// HttpContext, a DbContext, a logger) carry no application data, and are never searched member by
    /// member: that search would walk the whole framework. ASP.NET Core Identity's user types are the
    /// exception (IdentityUser.Email, .PhoneNumber). Generic ones are decided by their type arguments
    /// (List&lt;Customer&gt;, Task&lt;Customer&gt;, DbSet&lt;Customer&gt;).
    /// </summary>
    private static bool IsNeverPersonal(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Dynamic or TypeKind.Error)
        {
            return true;
        }

        return type is not INamedTypeSymbol { IsGenericType: true } && IsFrameworkType(type);
    }

    private static bool IsFrameworkType(ITypeSymbol type)
    {
        if (type.Locations.Length > 0 && type.Locations[0].IsInSource)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        if (ns is not { Name: "System" or "Microsoft" })
        {
            return false;
        }

        // Microsoft.AspNetCore.Identity / Microsoft.Extensions.Identity: user types with e-mail and phone.
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.Name == "Identity")
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(ISymbol symbol) =>
        symbol is IParameterSymbol parameter ? "parameter '" + parameter.Name + "'" : SymbolNames.ShortName(symbol);

    /// <summary>A cache slot that can hold "known to be nothing".</summary>
    private sealed class LabelBox
    {
        public static readonly LabelBox Nothing = new(null);

        public LabelBox(TaintLabel? label) => Label = label;

        public TaintLabel? Label { get; }
    }

    private sealed class SinkBox
    {
        public SinkBox(PrivacySink? sink) => Sink = sink;

        public PrivacySink? Sink { get; }
    }
}
