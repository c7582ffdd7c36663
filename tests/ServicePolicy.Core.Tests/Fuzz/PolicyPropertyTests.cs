namespace ServicePolicy.Core.Tests.Fuzz;

using System.Numerics;
using CsCheck;
using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Tests.Hostile;
using ServicePolicy.Core.Tests.Support;

/// <summary>
/// Properties over generated policy text (CsCheck, which shrinks a failing case to a small one):
/// no exception and no hang on any mutant; a number or duration is read as exactly its value or
/// refused, never wrapped; and a change that does not touch the meaning leaves every denial in
/// place. Budget: <see cref="FuzzBudget"/>.
/// </summary>
public class PolicyPropertyTests
{
    private static readonly (string Path, string Text)[] Sources = LoadSources();

    /// <summary>Shipped policies may include the seed pack beside their folder: `policies/` is a root.</summary>
    private static readonly PolicyLoadOptions Options = new() { IncludeRoots = new[] { Path.Combine(RepositoryFiles.Root, "policies") } };

    private static (string, string)[] LoadSources()
    {
        var shipped = RepositoryFiles.ShippedPolicies().Where(p => !PolicyTestFileLoader.IsTestFile(p)).Select(p => (Path.GetFullPath(p), File.ReadAllText(p))).ToArray();
        return shipped.Length > 0 ? shipped : new[] { (Path.GetFullPath("fuzz-sample.yaml"), Policies.With("rules:\n  - {id: r1, principle: P1, action: data.share}\n")) };
    }

    /// <summary>A shipped policy (or a slice of one) mutated by a seed CsCheck chooses and shrinks.</summary>
    private static readonly Gen<(int File, string Text)> Mutants =
        Gen.Select(Gen.Int[0, Sources.Length - 1], Gen.Int, Gen.Bool, (file, seed, whole) =>
        {
            var random = new Random(seed);
            var text = whole ? Sources[file].Text : PolicySlicer.Slice(Sources[file].Text, random, maxItems: 12);
            return (file, PolicyMutator.Mutate(text, random));
        });

    [Fact]
    public void No_mutant_makes_the_loader_throw_or_hang()
    {
        // The whole sample runs under the hang guard; each load is checked for escaped exceptions
        // and for errors without a place.
        LoadGuard.Run(
            () =>
            {
                Mutants.Sample(
                    mutant =>
                    {
                        var result = PolicyLoader.LoadText(mutant.Text, Sources[mutant.File].Path, Options);
                        Assert.True(result.Succeeded || result.Errors.Any(e => e.IsError), "refused without an error");
                        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
                    },
                    iter: FuzzBudget.Iterations,
                    time: FuzzBudget.Seconds,
                    threads: 1,
                    print: mutant => Shorten(mutant.Text));
                return true;
            },
            stackBytes: 8 * 1024 * 1024,
            deadline: TimeSpan.FromSeconds(Math.Max(60, FuzzBudget.Seconds * 2)));
    }

    private static readonly (string Unit, long Seconds)[] Units = { ("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1) };

    /// <summary>Digits of ASCII, Arabic-Indic, Devanagari or full-width 0-9 (by their zero).</summary>
    private static readonly char[] Zeros = { '0', '\u0660', '\u0966', '\uFF10' };

    private static readonly Gen<(string Digits, int Script, int Unit)> Durations =
        Gen.Select(Gen.Char['0', '9'].Array[1, 24], Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, 3])), Gen.Int[0, Units.Length - 1], (digits, script, unit) =>
            (new string(digits.Select(d => (char)(Zeros[script] + (d - '0'))).ToArray()), script, unit));

    [Fact]
    public void A_duration_is_read_as_exactly_its_value_or_refused_with_its_place()
    {
        Durations.Sample(
            c =>
            {
                var text = c.Digits + Units[c.Unit].Unit;
                var yaml = Policies.With($"slas:\n  - id: s\n    kind: first-response\n    channel: email\n    within: {text}\n");
                var result = PolicyAssert.Load(yaml);
                var seconds = BigInteger.Parse(new string(c.Digits.Select(d => (char)('0' + (d - Zeros[c.Script]))).ToArray())) * Units[c.Unit].Seconds;
                var allowed = c.Script == 0 && seconds <= (BigInteger)DurationParser.MaxValue.TotalSeconds;
                if (allowed)
                {
                    Assert.True(result.Succeeded, PolicyAssert.Describe(result));
                    Assert.Equal((long)seconds, (long)Assert.Single(result.Policy!.Slas).Within.TotalSeconds);
                }
                else
                {
                    Assert.False(result.Succeeded);
                    var error = Assert.Single(result.Errors, e => e.IsError);
                    Assert.Equal(PolicyAssert.Position(yaml, text), (error.Location.Line, error.Location.Column));
                }
            },
            iter: FuzzBudget.Iterations,
            time: FuzzBudget.Seconds,
            print: c => c.Digits + Units[c.Unit].Unit);
    }

    /// <summary>Changes that do not touch the meaning: spaces at line ends, CRLF line endings, a byte-order mark, a comment line before the first line.</summary>
    private static readonly Gen<(int File, string Text)> Cosmetic =
        Gen.Select(Gen.Int[0, Sources.Length - 1], Gen.Int, Gen.Bool, Gen.Bool, (file, seed, crlf, bom) =>
        {
            var random = new Random(seed);
            var lines = Sources[file].Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Select(line => random.Next(4) == 0 && !line.TrimEnd().EndsWith('|') && !line.TrimEnd().EndsWith('>') ? line + new string(' ', 1 + random.Next(3)) : line);
            var text = "# reviewed copy\n" + string.Join("\n", lines);
            return (file, (bom ? "\uFEFF" : "") + (crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text));
        });

    [Fact]
    public void A_change_that_keeps_the_meaning_keeps_every_denial()
    {
        var originals = Sources.Select(source => Denials(PolicyLoader.LoadText(source.Text, source.Path, Options))).ToArray();
        Assert.All(originals, denials => Assert.NotEmpty(denials));
        Cosmetic.Sample(
            mutant =>
            {
                var result = PolicyLoader.LoadText(mutant.Text, Sources[mutant.File].Path, Options);
                Assert.True(result.Succeeded, PolicyAssert.Describe(result));
                Assert.True(originals[mutant.File].SetEquals(Denials(result)), "a denial changed");
            },
            iter: FuzzBudget.Iterations / 8,
            time: FuzzBudget.Seconds,
            print: mutant => Shorten(mutant.Text));
    }

    /// <summary>What a policy denies, as far as the loaded model decides it: each deny or approval rule with its actions and condition.</summary>
    private static HashSet<string> Denials(PolicyLoadResult result) =>
        result.Policy == null
            ? new HashSet<string>()
            : result.Policy.Rules
                .Where(r => r.Enabled && r.Effect != RuleEffect.Warn)
                .Select(r => $"{r.Id}|{r.Effect}|{string.Join(",", r.Action)}|{Describe(r.When)}|{r.Obligation}")
                .ToHashSet(StringComparer.Ordinal);

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "...";

    private static string Describe(Condition? condition) => condition == null
        ? "always"
        : condition.All != null ? "all(" + string.Join(";", condition.All.Select(Describe)) + ")"
        : condition.Any != null ? "any(" + string.Join(";", condition.Any.Select(Describe)) + ")"
        : condition.Not != null ? "not(" + Describe(condition.Not) + ")"
        : $"{condition.Field} {condition.Op} {condition.Value}";
}
