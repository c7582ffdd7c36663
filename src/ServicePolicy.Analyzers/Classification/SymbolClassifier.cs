namespace ServicePolicy.Analyzers.Classification;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ServicePolicy.Core;
using ServicePolicy.Core.Model;

/// <summary>
/// Answers "what is this symbol to the policy?" for one compilation: personal data, protected
/// attribute, third-party sink, log sink, consent check, redactor, decision context, customer-facing
/// text. Each answer comes from the ServicePolicy.Annotations attributes first, then from the
/// policy's bindings by name, and is cached per symbol. Thread-safe; create one per compilation
/// (through <see cref="Infrastructure.PolicyContext"/>).
/// </summary>
internal sealed class SymbolClassifier
{
    private readonly Policy _policy;
    private readonly PolicyBindings _bindings;
    private readonly AnnotationTypes _annotations;

    private readonly ConcurrentDictionary<ISymbol, PersonalDataInfo?> _personal = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ProtectedAttributeInfo?> _protected = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ThirdPartySinkInfo?> _thirdParty = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _log = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ConsentCheckResult> _consent = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _redactor = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, DecisionContextInfo?> _decision = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, DecisionContextInfo?> _decisionByType = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _customerText = new(SymbolEqualityComparer.Default);

    public SymbolClassifier(Compilation compilation, Policy policy, PolicyBindings bindings)
    {
        _policy = policy;
        _bindings = bindings;
        _annotations = new AnnotationTypes(compilation);
    }

    /// <summary>The policy's bindings, compiled.</summary>
    public PolicyBindings Bindings => _bindings;

    // ---------------------------------------------------------------- personal data

    /// <summary>
    /// The personal-data classification of a property, field, parameter or method return value:
    /// <c>[PersonalData]</c> on it (or on what it overrides or implements), or on its type; else a
    /// <c>classification.categories[].symbols</c> pattern of the policy (members only, not parameters).
    /// </summary>
    public PersonalDataInfo? GetPersonalData(ISymbol member)
    {
        var key = RelatedMembers.Normalize(member);
        return GetOrAdd(_personal, key, ComputePersonalData);
    }

    public bool IsPersonalData(ISymbol member, [NotNullWhen(true)] out string? category)
    {
        var info = GetPersonalData(member);
        category = info?.Category;
        return info != null;
    }

    [MethodImpl(HotPath.OptimizeAtOnce)]
    private PersonalDataInfo? ComputePersonalData(ISymbol member)
    {
        foreach (var related in RelatedMembers.Of(member))
        {
            var attribute = _annotations.Find(related, Annotation.PersonalData)
                ?? (related is IMethodSymbol method ? FindReturnAnnotation(method, Annotation.PersonalData) : null);
            if (attribute != null)
            {
                return FromAnnotation(AnnotationTypes.FirstStringArgument(attribute));
            }
        }

        if (ValueType(member) is INamedTypeSymbol valueType)
        {
            var typeAttribute = FindOnTypeOrBases(valueType, Annotation.PersonalData);
            if (typeAttribute != null)
            {
                return FromAnnotation(AnnotationTypes.FirstStringArgument(typeAttribute));
            }
        }

        if (member is IParameterSymbol)
        {
            return null;
        }

        foreach (var (pattern, category) in _bindings.PersonalData)
        {
            if (MatchesAnyName(pattern, member))
            {
                return new PersonalDataInfo(category.Id, category, ClassificationSource.Policy);
            }
        }

        return null;
    }

    private static bool IsCompoundMember(ISymbol member) =>
        member is IPropertySymbol or IFieldSymbol && FieldNames.Words(member.Name).Count > 1;

    private PersonalDataInfo FromAnnotation(string category) =>
        new(category, _policy.Classification.Categories.FirstOrDefault(c => string.Equals(c.Id, category, StringComparison.Ordinal)), ClassificationSource.Annotation);

    // ---------------------------------------------------------------- protected attributes

    /// <summary>
    /// The protected attribute a member is, or stands in for: <c>[ProtectedAttribute]</c> on it (or on
    /// what it overrides or implements), else the policy's <c>protectedAttributes</c> and <c>proxies</c> symbols.
    /// </summary>
    public ProtectedAttributeInfo? GetProtectedAttribute(ISymbol member)
    {
        var key = RelatedMembers.Normalize(member);
        return GetOrAdd(_protected, key, ComputeProtectedAttribute);
    }

    private ProtectedAttributeInfo? ComputeProtectedAttribute(ISymbol member)
    {
        foreach (var related in RelatedMembers.Of(member))
        {
            var attribute = _annotations.Find(related, Annotation.ProtectedAttribute);
            if (attribute != null)
            {
                var id = AnnotationTypes.FirstStringArgument(attribute);
                var proxy = _policy.Classification.Proxies.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
                return proxy != null
                    ? new ProtectedAttributeInfo(proxy.StandsFor, proxy.Id, ClassificationSource.Annotation)
                    : new ProtectedAttributeInfo(id, null, ClassificationSource.Annotation);
            }
        }

        if (member is IParameterSymbol)
        {
            return null;
        }

        foreach (var (pattern, info) in _bindings.ProtectedAttributes)
        {
            if (MatchesAnyName(pattern, member))
            {
                return info;
            }
        }

        foreach (var (pattern, info) in _bindings.Proxies)
        {
            if (MatchesAnyName(pattern, member))
            {
                return info;
            }
        }

        // A property or field with a compound name that carries a protected trait's words
        // (GenderIdentity, customer_ethnicity): the same words mean the same trait in code as in
        // decision inputs. A one-word name (Gender) is left to the symbol patterns, which name the type.
        if (IsCompoundMember(member) && _bindings.FieldNames.ProtectedOf(member.Name) is { } meaning)
        {
            return new ProtectedAttributeInfo(meaning.Attribute, meaning.Proxy, ClassificationSource.Policy);
        }

        return null;
    }

    // ---------------------------------------------------------------- sinks

    /// <summary>
    /// Whether a call to <paramref name="method"/> sends data to a third party: <c>[ThirdPartySink]</c> on the
    /// method, on one of its parameters, on its type (or a base type or interface whose member it implements),
    /// or a policy <c>analyzers.thirdPartySinks</c> pattern (<c>Type.Method</c>, or <c>Type.Method(param)</c> for
    /// one parameter). Interface members and overridden members count for their implementations.
    /// </summary>
    public ThirdPartySinkInfo? GetThirdPartySink(IMethodSymbol method)
    {
        var key = RelatedMembers.Normalize(method);
        return GetOrAdd(_thirdParty, key, symbol => ComputeThirdPartySink((IMethodSymbol)symbol));
    }

    public bool IsThirdPartySink(IMethodSymbol method, [NotNullWhen(true)] out string? recipient)
    {
        var info = GetThirdPartySink(method);
        recipient = info?.Recipient;
        return info != null;
    }

    private ThirdPartySinkInfo? ComputeThirdPartySink(IMethodSymbol method)
    {
        var related = RelatedMembers.Of(method).ToArray();
        foreach (var candidate in related)
        {
            var attribute = _annotations.Find(candidate, Annotation.ThirdPartySink);
            if (attribute != null)
            {
                return new ThirdPartySinkInfo(Recipient(attribute), default, ClassificationSource.Annotation);
            }
        }

        // [ThirdPartySink] on parameters: only those parameters carry data out.
        var ordinals = ImmutableArray.CreateBuilder<int>();
        string? parameterRecipient = null;
        foreach (var candidate in related)
        {
            foreach (var parameter in candidate.Parameters)
            {
                var attribute = _annotations.Find(parameter, Annotation.ThirdPartySink);
                if (attribute != null && !ordinals.Contains(parameter.Ordinal))
                {
                    ordinals.Add(parameter.Ordinal);
                    parameterRecipient ??= Recipient(attribute);
                }
            }
        }

        if (ordinals.Count > 0)
        {
            return new ThirdPartySinkInfo(parameterRecipient!, ordinals.ToImmutable(), ClassificationSource.Annotation);
        }

        if (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility != Accessibility.Private)
        {
            foreach (var candidate in related)
            {
                var typeAttribute = candidate.ContainingType == null ? null : FindOnTypeOrBases(candidate.ContainingType, Annotation.ThirdPartySink);
                if (typeAttribute != null)
                {
                    return new ThirdPartySinkInfo(Recipient(typeAttribute), default, ClassificationSource.Annotation);
                }
            }
        }

        foreach (var (pattern, recipient) in _bindings.ThirdPartySinks)
        {
            foreach (var candidate in related)
            {
                if (MatchesMethod(pattern, candidate))
                {
                    return new ThirdPartySinkInfo(recipient, ParameterOrdinals(pattern, method), ClassificationSource.Policy);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a call to <paramref name="method"/> writes to a log: the built-in list (ILogger and its
    /// extensions, Console.Write/WriteLine, Debug, Trace, Serilog), <c>[LoggerMessage]</c> methods, and the
    /// policy's <c>analyzers.logSinks</c>.
    /// </summary>
    public bool IsLogSink(IMethodSymbol method)
    {
        var key = RelatedMembers.Normalize(method);
        return GetOrAdd(_log, key, symbol => ComputeLogSink((IMethodSymbol)symbol));
    }

    private bool ComputeLogSink(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "LoggerMessageAttribute" } type && SymbolNames.FullName(type) == "Microsoft.Extensions.Logging.LoggerMessageAttribute")
            {
                return true;
            }
        }

        foreach (var candidate in RelatedMembers.Of(method))
        {
            foreach (var (pattern, _) in _bindings.LogSinks)
            {
                if (MatchesMethod(pattern, candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- consent checks and redactors

    /// <summary>Whether <paramref name="method"/> returns true only with consent: <c>[ConsentCheck]</c> or <c>analyzers.consentChecks</c>.</summary>
    public bool IsConsentCheck(IMethodSymbol method) => IsConsentCheck(method, out _);

    /// <summary>As <see cref="IsConsentCheck(IMethodSymbol)"/>; <paramref name="purpose"/> is the purpose the annotation names, or null.</summary>
    public bool IsConsentCheck(IMethodSymbol method, out string? purpose)
    {
        var key = RelatedMembers.Normalize(method);
        var result = GetOrAdd(_consent, key, symbol => ComputeConsentCheck((IMethodSymbol)symbol));
        purpose = result.Purpose;
        return result.IsCheck;
    }

    private ConsentCheckResult ComputeConsentCheck(IMethodSymbol method)
    {
        foreach (var candidate in RelatedMembers.Of(method))
        {
            var attribute = _annotations.Find(candidate, Annotation.ConsentCheck);
            if (attribute != null)
            {
                var purpose = AnnotationTypes.FirstStringArgument(attribute);
                return new ConsentCheckResult(true, purpose.Length == 0 ? null : purpose);
            }

            foreach (var pattern in _bindings.ConsentChecks)
            {
                if (MatchesMethod(pattern, candidate))
                {
                    return new ConsentCheckResult(true, null);
                }
            }
        }

        return ConsentCheckResult.None;
    }

    /// <summary>Whether <paramref name="method"/> masks personal data: <c>[Redactor]</c> or <c>analyzers.redactors</c>.</summary>
    public bool IsRedactor(IMethodSymbol method)
    {
        var key = RelatedMembers.Normalize(method);
        return GetOrAdd(_redactor, key, symbol => ComputeRedactor((IMethodSymbol)symbol));
    }

    private bool ComputeRedactor(IMethodSymbol method)
    {
        foreach (var candidate in RelatedMembers.Of(method))
        {
            if (_annotations.Find(candidate, Annotation.Redactor) != null)
            {
                return true;
            }

            foreach (var pattern in _bindings.Redactors)
            {
                if (MatchesMethod(pattern, candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- decision contexts

    /// <summary>
    /// The decision context that code in <paramref name="containingMemberOrType"/> runs in, or null. Lambdas
    /// and local functions belong to the member that declares them; accessors to their property. A member
    /// is a decision context when it, something it overrides or implements, or one of its containing types
    /// (or their base types and interfaces) has <c>[DecisionContext]</c>, or when the policy's
    /// <c>analyzers.decisionContexts</c> name it by method, type, implemented interface or namespace.
    /// </summary>
    public DecisionContextInfo? GetDecisionContext(ISymbol containingMemberOrType)
    {
        var key = OwningMember(containingMemberOrType);
        return GetOrAdd(_decision, key, ComputeDecisionContext);
    }

    private DecisionContextInfo? ComputeDecisionContext(ISymbol symbol)
    {
        if (symbol is not ITypeSymbol)
        {
            foreach (var related in RelatedMembers.Of(symbol))
            {
                var attribute = _annotations.Find(related, Annotation.DecisionContext);
                if (attribute != null)
                {
                    return new DecisionContextInfo(AnnotationTypes.FirstStringArgument(attribute), related, $"[DecisionContext] on {SymbolNames.ShortName(related)}");
                }
            }

            foreach (var binding in _bindings.DecisionContexts)
            {
                foreach (var pattern in binding.Methods)
                {
                    foreach (var related in RelatedMembers.Of(symbol))
                    {
                        if (MatchesAnyNameOfMember(pattern, related))
                        {
                            return new DecisionContextInfo(binding.Kind, related, $"policy decisionContexts methods '{pattern.Text}'");
                        }
                    }
                }
            }
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        for (var depth = 0; type != null && depth < 16; type = type.ContainingType, depth++)
        {
            // Every member of a type asks about the same type: answer it once.
            var found = GetOrAdd(_decisionByType, type.OriginalDefinition, t => DecisionContextOfType((INamedTypeSymbol)t));
            if (found != null)
            {
                return found;
            }
        }

        return null;
    }

    private DecisionContextInfo? DecisionContextOfType(INamedTypeSymbol type)
    {
        var original = type.OriginalDefinition;
        for (var current = original; current != null; current = current.BaseType)
        {
            var attribute = _annotations.Find(current, Annotation.DecisionContext);
            if (attribute != null)
            {
                return new DecisionContextInfo(AnnotationTypes.FirstStringArgument(attribute), current, $"[DecisionContext] on {current.Name}");
            }
        }

        foreach (var @interface in original.AllInterfaces)
        {
            var attribute = _annotations.Find(@interface.OriginalDefinition, Annotation.DecisionContext);
            if (attribute != null)
            {
                return new DecisionContextInfo(AnnotationTypes.FirstStringArgument(attribute), @interface, $"[DecisionContext] on {@interface.Name}");
            }
        }

        if (!_bindings.HasDecisionContexts)
        {
            return null;
        }

        var typeName = SymbolNames.FullName(original);
        var namespaceName = original.ContainingNamespace is { IsGlobalNamespace: false } ns ? SymbolNames.FullName(ns) : "";
        foreach (var binding in _bindings.DecisionContexts)
        {
            foreach (var pattern in binding.Types)
            {
                if (pattern.Matches(typeName))
                {
                    return new DecisionContextInfo(binding.Kind, original, $"policy decisionContexts types '{pattern.Text}'");
                }
            }

            foreach (var pattern in binding.Interfaces)
            {
                foreach (var @interface in original.AllInterfaces)
                {
                    if (pattern.Matches(SymbolNames.FullName(@interface.OriginalDefinition)))
                    {
                        return new DecisionContextInfo(binding.Kind, original, $"policy decisionContexts interfaces '{pattern.Text}'");
                    }
                }
            }

            foreach (var pattern in binding.Namespaces)
            {
                if (namespaceName.Length > 0 && pattern.Matches(namespaceName))
                {
                    return new DecisionContextInfo(binding.Kind, original, $"policy decisionContexts namespaces '{pattern.Text}'");
                }
            }
        }

        return null;
    }

    /// <summary>The member that owns code in <paramref name="symbol"/>: lambdas and local functions climb to it.</summary>
    private static ISymbol OwningMember(ISymbol symbol)
    {
        var current = symbol;
        for (var depth = 0; depth < 64 && current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && current.ContainingSymbol != null; depth++)
        {
            current = current.ContainingSymbol;
        }

        return RelatedMembers.Normalize(current);
    }

    // ---------------------------------------------------------------- customer-facing text

    /// <summary>
    /// Whether text passed as <paramref name="parameter"/> of <paramref name="method"/> reaches a customer:
    /// <c>[CustomerFacingText]</c> on the parameter (or the same parameter of an overridden or implemented
    /// method), <c>[CustomerFacingText]</c> on the method (every string parameter), or a policy
    /// <c>analyzers.customerFacingText</c> entry: <c>Type.Method(param)</c>, or <c>Type.Method</c> for every
    /// string parameter.
    /// </summary>
    public bool IsCustomerFacingText(IMethodSymbol method, IParameterSymbol parameter)
    {
        var normalized = RelatedMembers.Normalize(method);
        var ordinal = parameter.Ordinal;
        if (method.ReducedFrom != null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
        {
            ordinal++;
        }

        if (ordinal < 0 || ordinal >= normalized.Parameters.Length)
        {
            return false;
        }

        var key = normalized.Parameters[ordinal];
        return GetOrAdd(_customerText, key, symbol => ComputeCustomerFacingParameter(normalized, (IParameterSymbol)symbol));
    }

    private bool ComputeCustomerFacingParameter(IMethodSymbol method, IParameterSymbol parameter)
    {
        var isText = IsTextType(parameter.Type);
        foreach (var candidate in RelatedMembers.Of(method))
        {
            if (parameter.Ordinal < candidate.Parameters.Length && _annotations.Find(candidate.Parameters[parameter.Ordinal], Annotation.CustomerFacingText) != null)
            {
                return true;
            }

            if (isText && _annotations.Find(candidate, Annotation.CustomerFacingText) != null)
            {
                return true;
            }

            foreach (var pattern in _bindings.CustomerFacingText)
            {
                if (!MatchesMethod(pattern, candidate))
                {
                    continue;
                }

                if (pattern.ParameterNames.Count > 0 ? pattern.ParameterNames.Contains(parameter.Name) : isText)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a text property or field (or a text-returning method) holds customer-facing text:
    /// <c>[CustomerFacingText]</c> on it or what it overrides or implements, or a policy
    /// <c>analyzers.customerFacingText</c> entry without a parameter list that names it.
    /// </summary>
    public bool IsCustomerFacingTextMember(ISymbol member)
    {
        var key = RelatedMembers.Normalize(member);
        return GetOrAdd(_customerText, key, ComputeCustomerFacingMember);
    }

    private bool ComputeCustomerFacingMember(ISymbol member)
    {
        if (!IsTextType(ValueType(member)))
        {
            return false;
        }

        foreach (var related in RelatedMembers.Of(member))
        {
            if (_annotations.Find(related, Annotation.CustomerFacingText) != null)
            {
                return true;
            }

            foreach (var pattern in _bindings.CustomerFacingText)
            {
                if (pattern.ParameterNames.Count == 0 && MatchesAnyNameOfMember(pattern, related))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- helpers

    private static TValue GetOrAdd<TValue>(ConcurrentDictionary<ISymbol, TValue> cache, ISymbol key, Func<ISymbol, TValue> compute)
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var value = compute(key);
        return cache.GetOrAdd(key, value);
    }

    private static bool IsTextType(ITypeSymbol? type) =>
        type != null && (type.SpecialType == SpecialType.System_String || (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }));

    private static ITypeSymbol? ValueType(ISymbol member) => member switch
    {
        IPropertySymbol p => p.Type,
        IFieldSymbol f => f.Type,
        IParameterSymbol p => p.Type,
        IMethodSymbol m => m.ReturnType,
        ILocalSymbol l => l.Type,
        _ => null,
    };

    private AttributeData? FindReturnAnnotation(IMethodSymbol method, Annotation kind)
    {
        foreach (var attribute in method.GetReturnTypeAttributes())
        {
            if (_annotations.Identify(attribute) == kind)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The annotation on the type, a base type or an implemented interface (the attributes are Inherited).</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    private AttributeData? FindOnTypeOrBases(INamedTypeSymbol type, Annotation kind)
    {
        for (var current = type.OriginalDefinition; current != null; current = current.BaseType)
        {
            var attribute = _annotations.Find(current, kind);
            if (attribute != null)
            {
                return attribute;
            }
        }

        foreach (var @interface in type.OriginalDefinition.AllInterfaces)
        {
            var attribute = _annotations.Find(@interface.OriginalDefinition, kind);
            if (attribute != null)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>True when the pattern matches the member or a member it overrides or implements.</summary>
    [MethodImpl(HotPath.OptimizeAtOnce)]
    private static bool MatchesAnyName(SymbolPattern pattern, ISymbol member)
    {
        foreach (var related in RelatedMembers.Of(member))
        {
            if (MatchesAnyNameOfMember(pattern, related))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesAnyNameOfMember(SymbolPattern pattern, ISymbol member) =>
        member is IMethodSymbol method ? MatchesMethod(pattern, method) : pattern.Matches(SymbolNames.FullName(member));

    private static bool MatchesMethod(SymbolPattern pattern, IMethodSymbol method)
    {
        foreach (var name in SymbolNames.MethodNames(method))
        {
            if (pattern.Matches(name))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<int> ParameterOrdinals(SymbolPattern pattern, IMethodSymbol method)
    {
        if (pattern.ParameterNames.Count == 0)
        {
            return default;
        }

        var ordinals = method.Parameters.Where(p => pattern.ParameterNames.Contains(p.Name)).Select(p => p.Ordinal).ToImmutableArray();
        return ordinals.IsEmpty ? default : ordinals;
    }

    private static string Recipient(AttributeData attribute)
    {
        var recipient = AnnotationTypes.FirstStringArgument(attribute).Trim();
        return recipient.Length == 0 ? "*" : recipient;
    }

    private readonly struct ConsentCheckResult
    {
        public static readonly ConsentCheckResult None = new(false, null);

        public ConsentCheckResult(bool isCheck, string? purpose)
        {
            IsCheck = isCheck;
            Purpose = purpose;
        }

        public bool IsCheck { get; }

        public string? Purpose { get; }
    }
}
