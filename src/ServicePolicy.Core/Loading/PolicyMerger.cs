namespace ServicePolicy.Core.Loading;

using ServicePolicy.Core.Model;

/// <summary>
/// Merges policy files. Precedence: a file wins over the files it includes, and a later include
/// wins over an earlier one. Items with an identity (rules, categories, purposes, SLAs, tests...)
/// are replaced whole by a later item with the same id; lists of names are united; maps of
/// phrases are united per language; metadata keys written later win. `disable` removes rules
/// that came from earlier files.
/// </summary>
internal static class PolicyMerger
{
    public static void MergeInto(Policy target, Policy source, List<PolicyError> errors)
    {
        target.Location = source.Location;
        target.ApiVersion = source.ApiVersion;
        foreach (var key in new[] { "apiVersion", "metadata", "rules", "classification", "consent", "routing", "slas", "authority", "text", "analyzers", "tests", "actions", "include", "disable" })
        {
            if (source.HasKey(key))
            {
                target.SetKeyLocation(key, source.LocationOf(key));
            }
        }

        MergeMetadata(target.Metadata, source.Metadata);

        foreach (var id in source.Disable)
        {
            var removed = target.Rules.RemoveAll(r => r.Id == id);
            if (removed == 0)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.UnknownRule, $"`disable` names the rule `{id}`, but no included file defines it.", source.LocationOf("disable"), NameSuggester.Hint(id, target.Rules.Select(r => r.Id)), ErrorSeverity.Warning));
            }
        }

        target.Disable.AddRange(source.Disable);

        MergeById(target.Classification.Categories, source.Classification.Categories, c => c.Id, "data category", errors);
        MergeById(target.Classification.ProtectedAttributes, source.Classification.ProtectedAttributes, c => c.Id, "protected attribute", errors);
        MergeById(target.Classification.Proxies, source.Classification.Proxies, c => c.Id, "proxy", errors);
        MergeById(target.Consent.Purposes, source.Consent.Purposes, p => p.Id, "consent purpose", errors);
        target.Consent.Requirements.AddRange(source.Consent.Requirements);
        MergeById(target.Rules, source.Rules, r => r.Id, "rule", errors);
        MergeById(target.Routing, source.Routing, r => r.Id, "routing table", errors);
        MergeById(target.Slas, source.Slas, s => s.Id, "SLA", errors);
        MergeById(target.Authority, source.Authority, a => a.Role + " / " + a.Action, "authority limit", errors);
        MergeById(target.Actions, source.Actions, a => a.Name, "action", errors);
        MergeById(target.Tests, source.Tests, t => t.Name, "test case", errors);
        MergeById(target.Text.Patterns, source.Text.Patterns, p => p.Id, "text pattern", errors);
        MergePhrases(target.Text.Claims, source.Text.Claims);
        MergePhrases(target.Text.Disrespectful, source.Text.Disrespectful);
        MergePhrases(target.Text.Promises, source.Text.Promises);

        var analyzers = target.Analyzers;
        var incoming = source.Analyzers;
        MergeById(analyzers.ThirdPartySinks, incoming.ThirdPartySinks, s => s.Method, "third-party sink", errors);
        MergeById(analyzers.LogSinks, incoming.LogSinks, s => s.Method, "log sink", errors);
        Unite(analyzers.ConsentChecks, incoming.ConsentChecks);
        Unite(analyzers.Redactors, incoming.Redactors);
        Unite(analyzers.CustomerFacingText, incoming.CustomerFacingText);
        analyzers.DecisionContexts.AddRange(incoming.DecisionContexts);

        foreach (var file in source.SourceFiles)
        {
            if (!target.SourceFiles.Contains(file))
            {
                target.SourceFiles.Add(file);
            }
        }
    }

    private static void MergeMetadata(PolicyMetadata target, PolicyMetadata source)
    {
        if (source.Location.IsKnown)
        {
            target.Location = source.Location;
        }

        target.Name = source.Name.Length > 0 ? source.Name : target.Name;
        target.Version = source.Version.Length > 0 ? source.Version : target.Version;
        target.Description = source.Description.Length > 0 ? source.Description : target.Description;
        target.Owner = source.Owner.Length > 0 ? source.Owner : target.Owner;
    }

    private static void MergeById<T>(List<T> target, List<T> source, Func<T, string> id, string what, List<PolicyError> errors)
        where T : PolicyElement
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in source)
        {
            var key = id(item);
            if (key.Length == 0)
            {
                target.Add(item);
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.DuplicateId, $"Two {what}s are called `{key}` in the same file; the first is at line {first.Location.Line}.", item.Location, "Give each one its own id."));
                continue;
            }

            seen[key] = item;
            var index = target.FindIndex(t => id(t) == key);
            if (index >= 0)
            {
                target[index] = item;
            }
            else
            {
                target.Add(item);
            }
        }
    }

    private static void MergePhrases(Dictionary<string, List<string>> target, Dictionary<string, List<string>> source)
    {
        foreach (var pair in source)
        {
            if (!target.TryGetValue(pair.Key, out var list))
            {
                target[pair.Key] = list = new List<string>();
            }

            Unite(list, pair.Value);
        }
    }

    private static void Unite(List<string> target, List<string> source)
    {
        foreach (var item in source)
        {
            if (!target.Contains(item))
            {
                target.Add(item);
            }
        }
    }
}
