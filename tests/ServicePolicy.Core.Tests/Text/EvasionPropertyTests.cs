namespace ServicePolicy.Core.Tests.Text;

using System.Diagnostics;
using System.Text;
using CsCheck;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Tests.PolicyPack;
using ServicePolicy.Core.Text;

/// <summary>
/// Every phrase of the seed pack, disguised the ways people disguise words to get them past a list
/// (styled letters, look-alike letters of another script, invisible fillers, soft hyphens, a hyphen at
/// a line break, letters spelled out with dots or spaces), is still found. Also run in a process with
/// invariant globalization (no ICU), where the runtime cannot normalise Unicode text itself.
/// </summary>
public class EvasionPropertyTests
{
    private const string ChildVariable = "SERVICEPOLICY_EVASION_CHILD";

    private static readonly Lazy<TextRules> SeedPack = new(() => ShippedPolicyTests.Load("policies/service-ethics.yaml").Text);

    private static readonly string[] Fillers = { "\u00AD", "&shy;", "\u200B", "\u3164", "\u115F", "\u2800", "\u2060", "\uDB40\uDC20" };

    [Fact]
    public void Every_seed_pack_phrase_is_found_through_its_disguises()
    {
        var rules = SeedPack.Value;
        var matcher = PhraseMatcher.Create(rules);
        var phrases = Phrases(rules).ToArray();
        Gen.Int[0, phrases.Length - 1].SelectMany(i => Disguise(phrases[i].Phrase).Select(text => (Entry: phrases[i], Text: text)))
            .Sample(
                sample =>
                {
                    // The phrase, or another phrase of the pack with the same forms ("garantizada" is
                    // compiled once with "garantizado"), is found where the disguised text is.
                    const string Before = "Dear customer, ";
                    var text = Before + sample.Text + ". Regards";
                    return matcher.Scan(text, sample.Entry.Language).Matches.Any(m => m.Kind == sample.Entry.Kind && m.Start >= Before.Length && m.Start + m.Length <= Before.Length + sample.Text.Length);
                },
                iter: 4000,
                seed: "0N0XIzNsQ0O2",
                print: sample => $"{sample.Entry.Language} {sample.Entry.Phrase}: {Escape(sample.Text)}");
    }

    [Fact]
    public async Task Disguises_are_found_without_ICU_too()
    {
        if (Environment.GetEnvironmentVariable(ChildVariable) == "1")
        {
            // This is the child process: prove it runs without ICU, then check the disguises.
            Assert.False(UnicodeDecomposition.RuntimeNormalizes, "the child process should run with invariant globalization");
            Every_seed_pack_phrase_is_found_through_its_disguises();
            return;
        }

        var assembly = typeof(EvasionPropertyTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("test");
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--filter");
        start.ArgumentList.Add("FullyQualifiedName~" + nameof(EvasionPropertyTests) + "." + nameof(Disguises_are_found_without_ICU_too));
        start.Environment[ChildVariable] = "1";
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains("Passed", await output, StringComparison.Ordinal);
    }

    private static IEnumerable<(PhraseKind Kind, string Language, string Phrase)> Phrases(TextRules rules)
    {
        foreach (var (kind, lists) in new[] { (PhraseKind.Claim, rules.Claims), (PhraseKind.Disrespectful, rules.Disrespectful), (PhraseKind.Promise, rules.Promises) })
        {
            foreach (var list in lists)
            {
                foreach (var phrase in list.Value)
                {
                    yield return (kind, list.Key, phrase);
                }
            }
        }
    }

    /// <summary>One disguise applied to the phrase (or to its longest word).</summary>
    private static Gen<string> Disguise(string phrase)
    {
        var words = phrase.Split(' ');
        var longest = Array.IndexOf(words, words.OrderByDescending(w => w.TrimStart('=').All(char.IsLetter) ? w.Length : 0).First());
        var word = words[longest].TrimStart('=');
        string With(string replacement) => string.Join(" ", words.Select((w, i) => i == longest ? replacement : w));
        var latin = word.All(c => c < 0x250);
        var hasSingleLetterWord = words.Any(w => w.Length == 1);
        var choices = new List<Gen<string>>
        {
            Gen.Const(phrase.ToUpperInvariant()),
            Gen.Int[1, Math.Max(1, word.Length - 1)].SelectMany(at => Pick(Fillers).Select(filler => With(word.Insert(at, filler)))),
        };
        var breaks = Enumerable.Range(1, Math.Max(0, word.Length - 1)).Where(at => char.IsLetter(word[at - 1]) && char.IsLetter(word[at])).ToArray();
        if (breaks.Length > 0)
        {
            // A word hyphenated at a line break, between two of its letters.
            choices.Add(Pick(breaks).Select(at => With(word.Insert(at, "-\n"))));
        }

        var allLetters = word.All(char.IsLetter);
        if (allLetters)
        {
            choices.Add(Gen.Const(With(string.Join(".", word.ToCharArray()))));
        }

        if (allLetters && !hasSingleLetterWord)
        {
            choices.Add(Gen.Const(With(string.Join(" ", word.ToCharArray()))));
        }

        if (latin)
        {
            choices.Add(Pick(new[] { 0xFF41, 0x1D41A, 0x1D44E, 0x1D5EE, 0x1D68A, 0x24D0, 0x1F130 }).Select(baseLetter => With(Styled(word, baseLetter))));
            choices.Add(Gen.Const(With(Replace(word, "abcdefghijklmnopqrstuvwxyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ"))));
            choices.Add(Gen.Const(With(Replace(word, "abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))));
            choices.Add(Gen.Const(With(ReplaceOne(word, "aceopxy", "асеорху"))));
            choices.Add(Gen.Const(With(ReplaceOne(word, "aeiko", "αεικο"))));
        }
        else
        {
            choices.Add(Gen.Const(With(ReplaceOne(word, "асеорху", "aceopxy"))));
        }

        return Gen.OneOf(choices.ToArray());
    }

    /// <summary>Letters a..z written from another alphabet whose 'a' is <paramref name="baseLetter"/> (full-width, mathematical, circled...).</summary>
    private static string Styled(string word, int baseLetter)
    {
        var builder = new StringBuilder();
        foreach (var c in word.ToLowerInvariant())
        {
            builder.Append(c >= 'a' && c <= 'z' ? char.ConvertFromUtf32(baseLetter + (c - 'a')) : c.ToString());
        }

        return builder.ToString();
    }

    private static string Replace(string word, string from, string to)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = from.IndexOf(chars[i]);
            chars[i] = at >= 0 ? to[at] : chars[i];
        }

        return new string(chars);
    }

    /// <summary>The first letter of <paramref name="word"/> that has a look-alike in the other script, replaced by it.</summary>
    private static string ReplaceOne(string word, string from, string to)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = from.IndexOf(chars[i]);
            if (at >= 0)
            {
                chars[i] = to[at];
                break;
            }
        }

        return new string(chars);
    }

    private static Gen<T> Pick<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string Escape(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
