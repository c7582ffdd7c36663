namespace ServicePolicy.Tests;

using CsCheck;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// Random spellings, recipients, typos and odd inputs against the seed pack: none of them may turn a
/// refusal into an allow. Each property runs up to a few thousand cases (the whole class runs in seconds).
/// </summary>
public sealed class ClosedWorldProperties
{
    private static readonly string[] Separators = { "", "_", "-", ".", " " };
    private static readonly string[] Prefixes = { "", "customer", "home", "primary", "billing", "contact" };

    // Every field name the seed pack classifies as personal data, cut into its words.
    private static readonly string[][] ClassifiedWords = SeedPack.Policy.Classification.Categories
        .SelectMany(c => c.Fields)
        .Select(f => FieldNames.Words(f).ToArray())
        .ToArray();

    private static readonly string[] Registered = SeedPack.Policy.Recipients.Select(r => r.Id).ToArray();

    // Words run together need a case change where each starts (customerEmail, CUSTOMEREmail):
    // "customeremail" has no words to find, for a person as for the engine.
    private static string Join(string[] words, string separator, Random random)
    {
        if (separator.Length > 0)
        {
            return string.Join(separator, words.Select(w => Cased(w, random.Next(3))));
        }

        var first = Cased(words[0], random.Next(3));
        var rest = words.Skip(1).Select((w, i) => i == words.Length - 2 && first != first.ToUpperInvariant() && random.Next(2) == 0 ? Cased(w, 1) : Cased(w, 2));
        return first + string.Concat(rest);
    }

    private static string Cased(string word, int kind) => kind switch
    {
        0 => word,
        1 => word.ToUpperInvariant(),
        _ => char.ToUpperInvariant(word[0]) + word.Substring(1),
    };

    /// <summary>A classified field written as someone might: any case per word, any separator, maybe a prefix word.</summary>
    private static readonly Gen<string> SpelledField =
        Gen.Select(Gen.Int[0, ClassifiedWords.Length - 1], Gen.OneOf(Separators), Gen.OneOf(Prefixes), Gen.Int[0, int.MaxValue])
            .Select((index, separator, prefix, seed) =>
            {
                var random = new Random(seed);
                var words = (prefix.Length > 0 ? new[] { prefix } : Array.Empty<string>()).Concat(ClassifiedWords[index]).ToArray();
                return Join(words, separator, random);
            });

    [Fact]
    public void A_classified_field_in_any_spelling_is_never_shared_without_consent()
    {
        var engine = SeedPack.Engine();
        Gen.Select(SpelledField, Gen.OneOf(Registered.Where(r => r != "support").ToArray()))
            .Sample((field, recipient) =>
            {
                var purpose = SeedPack.Policy.FindRecipient(recipient)!.Purposes[0];
                var decision = engine.ShareData(new DataShareRequest("c-1", recipient, purpose, new[] { field }));
                Assert.True(decision.Effect == DecisionEffect.Deny, $"`{field}` went to {recipient} without consent: {decision.Explain()}");
            }, iter: 2000, threads: 1);
    }

    [Fact]
    public void A_recipient_outside_the_register_never_receives_anything()
    {
        var consents = new InMemoryConsentStore();
        foreach (var purpose in SeedPack.Policy.Consent.Purposes)
        {
            consents.Grant("c-1", purpose.Id);
        }

        var engine = SeedPack.Engine(consents);
        var typo = Gen.Select(Gen.OneOf(Registered), Gen.Int[0, 1000], Gen.Char['a', 'z'], Gen.Int[0, 2])
            .Select((name, at, letter, edit) =>
            {
                var i = at % name.Length;
                return edit switch
                {
                    0 => name.Remove(i, 1),
                    1 => name.Insert(i, letter.ToString()),
                    _ => name.Substring(0, i) + letter + name.Substring(i + 1),
                };
            });
        var anyName = Gen.Char['a', 'z'].Array[1, 12].Select(chars => new string(chars));
        Gen.Select(Gen.OneOf(typo, anyName), Gen.OneOf(SeedPack.Policy.Consent.Purposes.Select(p => p.Id).ToArray()), Gen.OneOf("email", "orderId", "fullName", "favouriteColour"))
            .Where((recipient, _, _) => SeedPack.Policy.FindRecipient(recipient) == null)
            .Sample((recipient, purpose, field) =>
            {
                var decision = engine.ShareData(new DataShareRequest("c-1", recipient, purpose, new[] { field }));
                Assert.True(decision.Effect == DecisionEffect.Deny, $"{field} went to the unregistered `{recipient}`: {decision.Explain()}");
            }, iter: 2000, threads: 1);
    }

    [Fact]
    public void Wrong_typed_field_names_never_let_a_share_through()
    {
        var engine = SeedPack.Engine();
        var odd = Gen.OneOf<object?>(
            Gen.Int.Select(i => (object?)i),
            Gen.Bool.Select(b => (object?)b),
            Gen.Double.Select(d => (object?)d),
            Gen.Bool.Select(_ => (object?)null),
            Gen.Const<object?>(new Dictionary<string, object?> { ["name"] = "email" }),
            Gen.Const<object?>(new List<object?> { "email" }));
        var text = Gen.OneOf<object?>("email", "orderId", "sku", "phone");
        Gen.Select(odd.Array[1, 3], text.Array[0, 3], Gen.Int[0, 5])
            .Sample((bad, good, at) =>
            {
                var fields = good.ToList();
                foreach (var item in bad)
                {
                    fields.Insert(Math.Min(at, fields.Count), item);
                }

                var input = new Dictionary<string, object?> { ["subject"] = "c-1", ["recipient"] = "carrier", ["purpose"] = "order-delivery", ["fields"] = fields };
                var decision = engine.Evaluate("data.share", input);
                Assert.True(decision.Effect == DecisionEffect.Deny, $"{string.Join(", ", fields.Select(f => f?.ToString() ?? "null"))} was allowed: {decision.Explain()}");
            }, iter: 1000, threads: 1);
    }

    [Fact]
    public void A_protected_trait_in_any_spelling_or_shape_never_routes_a_ticket()
    {
        var engine = SeedPack.Engine();
        var traits = SeedPack.Policy.Classification.ProtectedAttributes.SelectMany(a => a.Fields)
            .Concat(SeedPack.Policy.Classification.Categories.Where(c => c.Level == DataLevel.Special).SelectMany(c => c.Fields))
            .Select(f => FieldNames.Words(f).ToArray())
            .ToArray();
        var spelled = Gen.Select(Gen.Int[0, traits.Length - 1], Gen.OneOf(Separators.Where(s => s != ".").ToArray()), Gen.Bool, Gen.Int[0, int.MaxValue])
            .Select((index, separator, suffix, seed) =>
            {
                var random = new Random(seed);
                return Join(suffix ? traits[index].Append("identity").ToArray() : traits[index], separator, random);
            });
        var value = Gen.OneOf<object?>(Gen.Const<object?>("x"), Gen.Int.Select(i => (object?)i), Gen.Bool.Select(b => (object?)b));
        Gen.Select(spelled, value, Gen.Bool)
            .Sample((field, trait, asAttribute) =>
            {
                var customer = new Dictionary<string, object?> { ["id"] = "c-1" };
                if (asAttribute)
                {
                    customer["attributes"] = new List<object?> { new Dictionary<string, object?> { ["name"] = field, ["value"] = trait } };
                }
                else
                {
                    customer[field] = trait;
                }

                var input = new Dictionary<string, object?> { ["customer"] = customer, ["ticket"] = new Dictionary<string, object?> { ["category"] = "billing" } };
                var decision = engine.RouteTicket(input);
                Assert.True(decision.Effect == DecisionEffect.Deny && decision.Result == null, $"`{field}` routed the ticket to {decision.Result}: {decision.Explain()}");
            }, iter: 2000, threads: 1);
    }

    [Fact]
    public void A_typo_in_a_reference_of_the_seed_pack_never_validates()
    {
        var text = File.ReadAllText(RepositoryPaths.SeedPack);
        var references = new[] { "recipients: [crm-provider]", "recipients: [carrier]", "purpose: crm-sync", "purpose: order-delivery", "needs: [contact, identity]", "purposes: [marketing]", "categories: [payment]" };
        Gen.Select(Gen.OneOf(references), Gen.Int[0, 1000], Gen.Char['a', 'z'])
            .Sample((reference, at, letter) =>
            {
                // Change one letter of the name inside the reference (never the key before it).
                var start = reference.IndexOf(':') + 2;
                var name = reference.Substring(start).Trim('[', ']').Split(',')[0];
                var i = at % name.Length;
                var typo = name.Substring(0, i) + letter + name.Substring(i + 1);
                if (typo == name)
                {
                    return;
                }

                var edited = text.Replace(reference, reference.Replace(name, typo, StringComparison.Ordinal), StringComparison.Ordinal);
                var loaded = PolicyLoader.LoadText(edited, RepositoryPaths.SeedPack);
                Assert.False(loaded.Succeeded, $"`{reference}` with `{typo}` for `{name}` validated with no error.");
            }, iter: 60, threads: 1);
    }
}
