namespace ServicePolicy.Core.Loading;

using System.Collections;
using System.Globalization;
using ServicePolicy.Core.Model;
using ServicePolicy.Core.Yaml;

/// <summary>
/// Turns a <see cref="YamlNode"/> tree into model objects, by the model's own shape
/// (<see cref="ModelReflection"/>). It never stops at the first problem: a wrong key or value is
/// reported and skipped so that one pass finds them all.
/// </summary>
internal sealed class PolicyBinder
{

    private readonly List<PolicyError> _errors;
    private readonly LoaderLimits _limits;

    public PolicyBinder(List<PolicyError> errors, LoaderLimits limits)
    {
        _errors = errors;
        _limits = limits;
    }

    public Policy BindPolicy(YamlNode root)
    {
        if (root.Kind != YamlNodeKind.Mapping)
        {
            Error(PolicyErrorCodes.WrongType, $"A policy file must be a map of keys starting with `apiVersion`, but it holds {root.Describe()}.", root.Location);
            return new Policy { Location = root.Location };
        }

        return (Policy)BindElement(root, typeof(Policy), BindPath.PolicyRoot);
    }

    /// <summary>Binds a document whose root is another model element (a tests file, for example).</summary>
    public T BindDocument<T>(YamlNode root, string notAMapMessage)
        where T : PolicyElement, new()
    {
        if (root.Kind != YamlNodeKind.Mapping)
        {
            Error(PolicyErrorCodes.WrongType, $"{notAMapMessage}, but it holds {root.Describe()}.", root.Location);
            return new T { Location = root.Location };
        }

        return (T)BindElement(root, typeof(T), BindPath.DocumentRoot);
    }

    private void Error(string code, string message, SourceLocation location, string? hint = null)
    {
        if (_errors.Count < _limits.MaxErrors)
        {
            _errors.Add(new PolicyError(code, message, location, hint));
        }
    }

    private object? Bind(YamlNode node, Type type, BindPath path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying != null)
        {
            return node.IsNull ? null : Bind(node, underlying, path);
        }

        if (type == typeof(PolicyValue))
        {
            return ToValue(node);
        }

        if (typeof(PolicyElement).IsAssignableFrom(type))
        {
            if (node.Kind != YamlNodeKind.Mapping)
            {
                Error(PolicyErrorCodes.WrongType, $"`{path}` must be a map of keys, but it holds {node.Describe()}.", node.Location);
                return null;
            }

            return BindElement(node, type, path);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return BindList(node, type, path);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return BindDictionary(node, type, path);
        }

        if (node.Kind != YamlNodeKind.Scalar)
        {
            Error(PolicyErrorCodes.WrongType, $"`{path}` must be {Expected(type)}, but it holds {node.Describe()}.", node.Location);
            return null;
        }

        return BindScalar(node, type, path);
    }

    private PolicyElement BindElement(YamlNode node, Type type, BindPath path)
    {
        var element = (PolicyElement)Activator.CreateInstance(type)!;
        element.Location = node.Location;
        element.ReserveKeyLocations(node.Entries.Count);
        var keys = ModelReflection.KeyMap(type);
        foreach (var entry in node.Entries)
        {
            var name = entry.Key.Value ?? "";
            if (!keys.TryGetValue(name, out var key))
            {
                var names = ModelReflection.KeysOf(type).Select(k => k.Name);
                var hint = NameSuggester.Hint(name, names) ?? "Allowed here: " + string.Join(", ", names) + ".";
                Error(PolicyErrorCodes.UnknownKey, $"`{name}` is not a key of {Describe(path)}.", entry.Key.Location, hint);
                continue;
            }

            element.SetKeyLocation(name, entry.Value.Location);
            RecordItemLocations(element, name, entry.Value, key.Type);
            var childPath = path.Child(name);
            if (entry.Value.IsNull && !key.Type.IsValueType && key.Type != typeof(PolicyValue) && key.Type != typeof(string))
            {
                // `rules:` with nothing after it means "none", the way an author reads it.
                continue;
            }

            if (type == typeof(Policy) && name == "rules" && entry.Value.Kind == YamlNodeKind.Sequence && entry.Value.Items.Count > _limits.MaxRules)
            {
                // Refused before binding thousands of rules only to throw them away.
                Error(PolicyErrorCodes.LimitExceeded, FormattableString.Invariant($"The policy has {entry.Value.Items.Count:N0} rules; the limit (MaxRules) is {_limits.MaxRules:N0}."), entry.Value.Location, "Policies are small documents; if this file is genuine, raise the named limit in LoaderLimits.");
                continue;
            }

            var value = Bind(entry.Value, key.Type, childPath);
            if (value == null)
            {
                // The value was wrong (and reported): keep the key's default, so that the rest of
                // the loader never meets a null where the model promises an object or a list.
                continue;
            }

            if (value is string text && key.AllowedValues != null && !key.AllowedValues.Contains(text))
            {
                ReportNotAllowed(key, childPath, text, entry.Value.Location);
            }

            key.SetValue(element, value);
        }

        foreach (var key in ModelReflection.KeysOf(type))
        {
            if (key.Required && !element.HasKey(key.Name))
            {
                ReportMissing(key, path, node.Location);
            }
        }

        return element;
    }

    /// <summary>
    /// Remembers where each item of a list of words, and each key of a map, was written, so that
    /// the validator can point at `foo` in `action: [data.share, foo]` rather than at the list.
    /// Stored as the keys "action[1]" and "fields.tier" (0-based), which no model key can clash with.
    /// </summary>
    private static void RecordItemLocations(PolicyElement element, string name, YamlNode value, Type type)
    {
        if (value.Kind == YamlNodeKind.Sequence && type == typeof(List<string>))
        {
            for (var i = 0; i < value.Items.Count; i++)
            {
                element.SetKeyLocation(name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", value.Items[i].Location);
            }
        }
        else if (value.Kind == YamlNodeKind.Mapping && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            foreach (var entry in value.Entries)
            {
                element.SetKeyLocation(name + "." + entry.Key.Value, entry.Key.Location);
            }
        }
    }

    private void ReportNotAllowed(ModelKey key, BindPath path, string text, SourceLocation location)
    {
        var allowed = string.Join(", ", key.AllowedValues!.Where(v => v.Length > 0));
        if (key.Property.DeclaringType == typeof(Policy) && key.Name == "apiVersion")
        {
            Error(PolicyErrorCodes.UnsupportedVersion, $"This file is written for the format `{text}`, but this version of ServicePolicy reads `{allowed}`.", location, $"Write `apiVersion: {Policy.CurrentApiVersion}`, or upgrade ServicePolicy if the file was written for a newer format.");
        }
        else if (key.Property.DeclaringType == typeof(Rule) && key.Name == "principle")
        {
            Error(PolicyErrorCodes.UnknownPrinciple, $"`{text}` is not one of the principles P1 to P10.", location, NameSuggester.Hint(text, key.AllowedValues!) ?? "Write the principle's number as P1, P2 ... P10 (see docs/principles.md).");
        }
        else
        {
            Error(PolicyErrorCodes.InvalidValue, $"`{path}` must be one of: {allowed} (found `{text}`).", location, NameSuggester.Hint(text, key.AllowedValues!));
        }
    }

    private void ReportMissing(ModelKey key, BindPath path, SourceLocation location)
    {
        if (key.Property.DeclaringType == typeof(Policy) && key.Name == "apiVersion")
        {
            Error(PolicyErrorCodes.UnsupportedVersion, "The file does not say which format it is written in: the first line of a policy is `apiVersion: servicepolicy/v1`.", location, "Add `apiVersion: servicepolicy/v1` as the first line.");
            return;
        }

        Error(PolicyErrorCodes.MissingKey, $"{Capitalise(Describe(path))} has no `{key.Name}`: {LowerFirst(key.Help)}", location, key.Example == null ? null : "For example: " + key.Example.Replace("\n", " "));
    }

    private object BindList(YamlNode node, Type type, BindPath path)
    {
        var itemType = type.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(type)!;
        if (node.Kind == YamlNodeKind.Scalar && itemType == typeof(string))
        {
            // A single word where a list is expected is read as a list of one: `action: data.share`.
            list.Add(node.Value ?? "");
            return list;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            Error(PolicyErrorCodes.WrongType, $"`{path}` must be a list (each item on its own line starting with `- `), but it holds {node.Describe()}.", node.Location);
            return list;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = Bind(node.Items[i], itemType, path.Item(i + 1));
            if (item != null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    private object BindDictionary(YamlNode node, Type type, BindPath path)
    {
        var valueType = type.GetGenericArguments()[1];
        var dictionary = (IDictionary)Activator.CreateInstance(type)!;
        if (node.Kind != YamlNodeKind.Mapping)
        {
            Error(PolicyErrorCodes.WrongType, $"`{path}` must be a map of keys, but it holds {node.Describe()}.", node.Location);
            return dictionary;
        }

        foreach (var entry in node.Entries)
        {
            var value = Bind(entry.Value, valueType, path.Child(entry.Key.Value ?? ""));
            if (value != null)
            {
                dictionary[entry.Key.Value ?? ""] = value;
            }
        }

        return dictionary;
    }

    private object? BindScalar(YamlNode node, Type type, BindPath path)
    {
        var text = node.Value ?? "";
        if (type == typeof(string))
        {
            if (!node.IsNull && IdentifierText.IsIdentifierKey(path.NearestKey) && IdentifierText.FindHidden(text) is var (at, description))
            {
                Error(PolicyErrorCodes.InvalidValue, FormattableString.Invariant($"`{path}` holds {description} at character {at + 1}; an id or name may not hold control or invisible formatting characters, which make it read differently from what it is."), node.Location, "Retype the value.");
                return null;
            }

            return node.IsNull ? "" : text;
        }

        if (type == typeof(bool))
        {
            switch (text.ToLowerInvariant())
            {
                case "true": case "yes": return true;
                case "false": case "no": return false;
            }

            return Fail("yes or no (true or false)");
        }

        if (type == typeof(int))
        {
            return NumberText.TryParseInt(text, out var value, out var problem) ? value : Fail("a whole number", problem);
        }

        if (type == typeof(decimal))
        {
            return NumberText.TryParseDecimal(text, out var value, out var problem) ? value : Fail("a number such as 100 or 49.90", problem);
        }

        if (type == typeof(double))
        {
            return NumberText.TryParseDouble(text, out var value, out var problem) ? value : Fail("a number", problem);
        }

        if (type == typeof(TimeSpan))
        {
            return DurationParser.TryParse(text, out var value, out var problem) ? value : Fail("a duration such as 30m, 4h, 2d or 1d12h", problem);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : Fail("a date and time such as 2026-01-10T09:00:00Z");
        }

        if (type.IsEnum)
        {
            var parsed = ModelReflection.ParseEnum(type, text);
            if (parsed != null)
            {
                return parsed;
            }

            var names = ModelReflection.EnumNames(type);
            Error(PolicyErrorCodes.InvalidValue, $"`{path}` must be one of: {string.Join(", ", names)} (found `{text}`).", node.Location, NameSuggester.Hint(text, names));
            return null;
        }

        return Fail(Expected(type));

        object? Fail(string expected, string? outOfRange = null)
        {
            if (outOfRange != null)
            {
                Error(PolicyErrorCodes.InvalidValue, $"`{path}` {outOfRange} (found `{text}`).", node.Location);
                return null;
            }

            Error(PolicyErrorCodes.WrongType, $"`{path}` must be {expected}, but it holds {node.Describe()}.", node.Location);
            return null;
        }
    }

    private static PolicyValue ToValue(YamlNode node) => node.Kind switch
    {
        YamlNodeKind.Scalar => node.IsNull ? PolicyValue.Null(node.Location) : PolicyValue.FromScalar(node.Value ?? "", node.IsQuoted, node.Location),
        YamlNodeKind.Sequence => PolicyValue.FromList(node.Items.Select(ToValue).ToList(), node.Location),
        _ => PolicyValue.FromMap(node.Entries.Select(e => new KeyValuePair<string, PolicyValue>(e.Key.Value ?? "", ToValue(e.Value))).ToList(), node.Location),
    };

    private static string Expected(Type type)
    {
        if (type == typeof(string))
        {
            return "text";
        }

        if (type == typeof(bool))
        {
            return "yes or no";
        }

        if (type == typeof(int) || type == typeof(decimal) || type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(TimeSpan))
        {
            return "a duration such as 4h";
        }

        return type.IsEnum ? "one of: " + string.Join(", ", ModelReflection.EnumNames(type)) : "a value";
    }

    private static string Describe(BindPath path) => path == BindPath.PolicyRoot ? "a policy" : path == BindPath.DocumentRoot ? "the file" : $"`{path}`";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
}
