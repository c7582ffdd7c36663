namespace ServicePolicy.Analyzers.Privacy;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Infrastructure;
using ServicePolicy.Analyzers.Privacy.Flow;

/// <summary>
/// What the code fixes need from the policy, resolved to real methods of the compilation and handed
/// over in diagnostic properties (documentation comment ids): the consent checks a guard can call and
/// the redactors a value can be wrapped in, in policy order, then annotated ones. Resolved lazily,
/// once per compilation, only when a diagnostic is reported.
/// </summary>
internal sealed class PrivacyFixHints
{
    /// <summary>Property with the candidate consent checks, ';'-separated documentation comment ids.</summary>
    public const string ConsentChecksProperty = "ConsentChecks";

    /// <summary>Property with the candidate redactors, ';'-separated documentation comment ids.</summary>
    public const string RedactorsProperty = "Redactors";

    /// <summary>Property with the consent purpose the guard should ask for.</summary>
    public const string PurposeProperty = "Purpose";

    /// <summary>Property with the recipient of the sink.</summary>
    public const string RecipientProperty = "Recipient";

    private const int MaxCandidates = 4;

    private readonly PolicyContext policy;
    private readonly Lazy<string> consentChecks;
    private readonly Lazy<string> redactors;

    public PrivacyFixHints(PolicyContext policy)
    {
        this.policy = policy;
        consentChecks = new Lazy<string>(() => Resolve(policy.Policy.Analyzers.ConsentChecks, "ConsentCheckAttribute", IsUsableConsentCheck));
        redactors = new Lazy<string>(() => Resolve(policy.Policy.Analyzers.Redactors, "RedactorAttribute", IsUsableRedactor));
    }

    public string ConsentChecks => consentChecks.Value;

    public string Redactors => redactors.Value;

    /// <summary>
    /// The purpose a guard should check: the policy's consent requirement that covers the data's
    /// categories and the sink's recipient; else the purpose a [ConsentCheck("...")] names; else "".
    /// </summary>
    public string PurposeFor(TaintSet data, string recipient)
    {
        // The model's matching, as the engine's: a sink for any recipient (`*`) counts as outside the company.
        var declared = recipient == "*" ? null : policy.Policy.FindRecipient(recipient);
        foreach (var requirement in policy.Policy.Consent.Requirements)
        {
            if (data.Labels.Any(l => recipient == "*" ? requirement.Categories.Contains(l.Category, StringComparer.OrdinalIgnoreCase) : requirement.Covers(recipient, declared, l.Category)))
            {
                return requirement.Purpose;
            }
        }

        return policy.Policy.Consent.Purposes.Count == 1 ? policy.Policy.Consent.Purposes[0].Id : "";
    }

    private bool IsUsableConsentCheck(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && ValueShapes.IsBooleanLike(method.ReturnType)
        && policy.Symbols.IsConsentCheck(method);

    private bool IsUsableRedactor(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && method.IsStatic
        && method.Parameters.Length >= 1
        && method.Parameters.Skip(1).All(p => p.IsOptional)
        && !method.ReturnsVoid
        && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
        && policy.Symbols.IsRedactor(method);

    private string Resolve(List<string> patterns, string attributeName, Func<IMethodSymbol, bool> usable)
    {
        var found = new List<IMethodSymbol>();
        var compilation = policy.Compilation;
        foreach (var text in patterns)
        {
            if (found.Count == MaxCandidates)
            {
                break;
            }

            if (SymbolPattern.Create(text) == null)
            {
                continue;
            }

            // Usable candidates only are named and sorted: a pattern such as "*.Redact.*" has every member
            // of the compilation as a candidate, and few of them are usable. (Filtering first keeps the
            // stable order of those that remain: the same methods come out as when sorting all of them.)
            found.AddRange(CandidatesFor(compilation, text)
                .Where(method => usable(method) && !found.Contains(method, SymbolEqualityComparer.Default))
                .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
                .OrderBy(method => SymbolNames.FullName(method), StringComparer.Ordinal)
                .Take(MaxCandidates - found.Count)
                .ToList());
        }

        if (found.Count < MaxCandidates)
        {
            foreach (var method in AnnotatedMethods(compilation, attributeName))
            {
                if (usable(method) && !found.Contains(method, SymbolEqualityComparer.Default))
                {
                    found.Add(method);
                    if (found.Count == MaxCandidates)
                    {
                        break;
                    }
                }
            }
        }

        return string.Join(";", found.Select(DocumentationCommentId.CreateDeclarationId).Where(id => !string.IsNullOrEmpty(id)));
    }

    /// <summary>
    /// Methods the code marks with the annotation: only the files whose text names the attribute are
    /// parsed for it, so that a compilation with findings does not bind every attribute it has.
    /// </summary>
    private static IEnumerable<IMethodSymbol> AnnotatedMethods(Compilation compilation, string attributeName)
    {
        var shortName = attributeName.Substring(0, attributeName.Length - "Attribute".Length);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.TryGetText(out var text) || text.ToString().IndexOf(shortName, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            {
                if (!declaration.AttributeLists.Any(list => list.Attributes.Any(a => a.Name.ToString().IndexOf(shortName, StringComparison.Ordinal) >= 0)))
                {
                    continue;
                }

#pragma warning disable RS1030 // Once per compilation, for the few methods whose attributes name the annotation.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetDeclaredSymbol(declaration) is IMethodSymbol method && method.GetAttributes().Any(a => a.AttributeClass?.Name == attributeName))
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>
    /// Methods a pattern such as <c>Ns.IConsentService.HasConsent*</c> can name: by their simple name in
    /// the sources, and through the type's metadata name when the pattern spells it out.
    /// </summary>
    /// <remarks>
    /// The type part does not narrow the source candidates, and must not without changing the hints:
    /// methods of other types are usable too (the implementation of an interface check the policy names, an
    /// annotated redactor, an extension method named after the type it extends), and take their place in
    /// name order (PrivacyFixHintsTests).
    /// </remarks>
    private static IEnumerable<IMethodSymbol> CandidatesFor(Compilation compilation, string text)
    {
        var name = text.Trim();
        var open = name.IndexOf('(');
        if (open >= 0)
        {
            name = name.Substring(0, open);
        }

        var dot = name.LastIndexOf('.');
        var memberPart = dot < 0 ? name : name.Substring(dot + 1);
        var typePart = dot < 0 ? "" : name.Substring(0, dot);
        var memberPattern = SymbolPattern.Create(memberPart);
        if (memberPattern == null)
        {
            yield break;
        }

        foreach (var symbol in compilation.GetSymbolsWithName(n => memberPattern.Matches(n), SymbolFilter.Member))
        {
            if (symbol is IMethodSymbol method)
            {
                yield return method;
            }
        }

        if (typePart.Length > 0 && typePart.IndexOf('*') < 0 && compilation.GetTypeByMetadataName(typePart) is { } type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method && memberPattern.Matches(method.Name))
                {
                    yield return method;
                }
            }
        }
    }

    public static ImmutableDictionary<string, string?> Properties(params (string Key, string Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var (key, value) in entries)
        {
            builder[key] = value;
        }

        return builder.ToImmutable();
    }
}
