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
        foreach (var key in new[] { "apiVersion", "metadata", "rules", "classification", "consent", "routing", "slas", "authority", "text", "analyzers", "tests", "actions", "include", "disable", "recipients" })
        {
            if (source.HasKey(key))
            {
                target.SetKeyLocation(key, source.LocationOf(key));
            }
        }

        MergeMetadata(target.Metadata, source.Metadata);
        if (source.HasKey("limits"))
        {
            target.Limits = source.Limits;
            target.SetKeyLocation("limits", source.LocationOf("limits"));
        }

        for (var i = 0; i < source.Disable.Count; i++)
        {
            var id = source.Disable[i];
            var removed = target.Rules.RemoveAll(r => r.Id == id);
            if (removed == 0)
            {
                var where = source.HasKey("disable[" + i + "]") ? source.LocationOf("disable[" + i + "]") : source.LocationOf("disable");
                errors.Add(new PolicyError(PolicyErrorCodes.UnknownRule, $"`disable` names the rule `{id}`, but no included file defines it, so nothing is switched off.", where, NameSuggester.Hint(id, target.Rules.Select(r => r.Id)) ?? "Check the id against the included policy.", ErrorSeverity.Warning));
            }
        }

        target.Disable.AddRange(source.Disable);

        MergeById(target.Classification.Categories, source.Classification.Categories, c => c.Id, "data categories", "id", errors);
        MergeById(target.Classification.ProtectedAttributes, source.Classification.ProtectedAttributes, c => c.Id, "protected attributes", "id", errors);
        MergeById(target.Classification.Proxies, source.Classification.Proxies, c => c.Id, "proxies", "id", errors);
        Unite(target.Classification.NonPersonal, source.Classification.NonPersonal);
        if (source.Classification.HasKey("unclassifiedFields"))
        {
            target.Classification.UnclassifiedFields = source.Classification.UnclassifiedFields;
        }

        MergeById(target.Consent.Purposes, source.Consent.Purposes, p => p.Id, "consent purposes", "id", errors);
        target.Consent.Requirements.AddRange(source.Consent.Requirements);
        MergeById(target.Rules, source.Rules, r => r.Id, "rules", "id", errors);
        MergeById(target.Routing, source.Routing, r => r.Id, "routing tables", "id", errors);
        MergeById(target.Slas, source.Slas, s => s.Id, "SLAs", "id", errors);
        MergeById(target.Authority, source.Authority, a => a.Role + " / " + a.Action, "authority limits", null, errors);
        MergeById(target.Actions, source.Actions, a => a.Name, "actions", "name", errors);
        MergeById(target.Tests, source.Tests, t => t.Name, "test cases", "name", errors);
        MergeById(target.Text.Patterns, source.Text.Patterns, p => p.Id, "text patterns", "id", errors);
        MergePhrases(target.Text, source.Text, "claims", t => t.Claims);
        MergePhrases(target.Text, source.Text, "disrespectful", t => t.Disrespectful);
        MergePhrases(target.Text, source.Text, "promises", t => t.Promises);

        var analyzers = target.Analyzers;
        var incoming = source.Analyzers;
        MergeById(analyzers.ThirdPartySinks, incoming.ThirdPartySinks, s => s.Method, "third-party sinks", "method", errors);
        MergeById(analyzers.LogSinks, incoming.LogSinks, s => s.Method, "log sinks", "method", errors);
        Unite(analyzers.ConsentChecks, incoming.ConsentChecks);
        Unite(analyzers.Redactors, incoming.Redactors);
        Unite(analyzers.CustomerFacingText, incoming.CustomerFacingText);
        analyzers.DecisionContexts.AddRange(incoming.DecisionContexts);

        target.Packs.AddRange(source.Packs);
        MergeById(target.Recipients, source.Recipients, r => r.Id, "recipients", "id", errors);
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

    /// <summary>
    /// Adds items, a later one replacing an earlier one with the same id. Two items with the same
    /// id in one file are an error. <c>idKey</c> is the YAML key holding the id (to point a
    /// duplicate at it), or null when the identity is composite.
    /// </summary>
    private static void MergeById<T>(List<T> target, List<T> source, Func<T, string> id, string what, string? idKey, List<PolicyError> errors)
        where T : PolicyElement
    {
        if (source.Count == 0)
        {
            return;
        }

        // Index the items merged so far once, so merging n items costs n look-ups, not n * n.
        var positions = new Dictionary<string, int>(target.Count, StringComparer.Ordinal);
        for (var i = 0; i < target.Count; i++)
        {
            var existing = id(target[i]);
            if (existing.Length > 0)
            {
                positions[existing] = i;
            }
        }

        var seen = new Dictionary<string, T>(source.Count, StringComparer.Ordinal);
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
                var where = idKey == null ? item.Location : item.LocationOf(idKey);
                errors.Add(new PolicyError(PolicyErrorCodes.DuplicateId, $"Two {what} have the id `{key}` in the same file (the first is at line {first.Location.Line}); the second would silently replace the first.", where, "Give each one its own id."));
                continue;
            }

            seen[key] = item;
            if (positions.TryGetValue(key, out var index))
            {
                target[index] = item;
            }
            else
            {
                positions[key] = target.Count;
                target.Add(item);
            }
        }
    }

    /// <summary>Unites phrase lists per language, keeping where each language's list was written (for the validator).</summary>
    private static void MergePhrases(TextRules targetRules, TextRules sourceRules, string key, Func<TextRules, Dictionary<string, List<string>>> select)
    {
        var target = select(targetRules);
        var source = select(sourceRules);
        if (sourceRules.HasKey(key))
        {
            targetRules.SetKeyLocation(key, sourceRules.LocationOf(key));
        }

        foreach (var pair in source)
        {
            var entryKey = key + "." + pair.Key;
            if (sourceRules.HasKey(entryKey))
            {
                targetRules.SetKeyLocation(entryKey, sourceRules.LocationOf(entryKey));
            }

            if (!target.TryGetValue(pair.Key, out var list))
            {
                target[pair.Key] = list = new List<string>();
            }

            Unite(list, pair.Value);
        }
    }

    /// <summary>
    /// Appends the items of <paramref name="source"/> that <paramref name="target"/> lacks, in
    /// order. A set of what is already there keeps it linear: a list search per item made 100,000
    /// phrases cost minutes.
    /// </summary>
    private static void Unite(List<string> target, List<string> source)
    {
        if (source.Count == 0)
        {
            return;
        }

        var present = new HashSet<string>(target, StringComparer.Ordinal);
        foreach (var item in source)
        {
            if (present.Add(item))
            {
                target.Add(item);
            }
        }
    }
}
