namespace ServicePolicy.Input;

using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using ServicePolicy.Values;

/// <summary>
/// Finds the input fields of a decision (routing, prioritisation, pricing, eligibility) that carry
/// a protected attribute or a proxy, with a value. For plain C# types the member paths to probe
/// are found once per type by reflection and read through compiled accessors; dictionaries and
/// JSON are walked. Paths are reported in camel case with dots (customer.gender).
/// </summary>
internal sealed class ProtectedFieldScanner
{
    private const int MaxDepth = 6;
    private const int MaxListElements = 1000;
    private readonly FieldClassifier _classifier;
    private readonly ConcurrentDictionary<Type, Probe[]> _probes = new();

    private readonly Func<Type, Probe[]> _buildProbes;
    private volatile TypeProbes? _lastProbes;

    public ProtectedFieldScanner(FieldClassifier classifier)
    {
        _classifier = classifier;
        _buildProbes = BuildProbes;
    }

    /// <summary>Adds to <paramref name="into"/> every protected field path present in <paramref name="input"/>.</summary>
    public void Scan(object? input, List<string> into)
    {
        if (!_classifier.HasProtectedFields || input == null)
        {
            return;
        }

        ScanNode(input, "", into, 0);
    }

    private void ScanNode(object? node, string prefix, List<string> into, int depth)
    {
        if (node == null || depth > MaxDepth)
        {
            return;
        }

        // The plain type seen last (a typed request on every call): straight to its probes.
        var last = _lastProbes;
        if (last != null && ReferenceEquals(node.GetType(), last.Type))
        {
            RunProbes(last.Probes, node, prefix, into, depth);
            return;
        }

        switch (node)
        {
            case Dictionary<string, object?> dictionary:
                foreach (var entry in dictionary)
                {
                    ScanEntry(prefix, entry.Key, entry.Value, into, depth);
                }

                break;
            case IDictionary<string, object?> dictionary:
                foreach (var entry in dictionary)
                {
                    ScanEntry(prefix, entry.Key, entry.Value, into, depth);
                }

                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                foreach (var entry in readOnly)
                {
                    ScanEntry(prefix, entry.Key, entry.Value, into, depth);
                }

                break;
            case IDictionary untyped:
                foreach (DictionaryEntry entry in untyped)
                {
                    ScanEntry(prefix, Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", entry.Value, into, depth);
                }

                break;
            case JsonDocument document:
                ScanJson(document.RootElement, prefix, into, depth);
                break;
            case JsonElement element:
                ScanJson(element, prefix, into, depth);
                break;
            case string:
            case ValueType when InputWalker.IsScalar(node.GetType()):
                break;
            case IEnumerable list:
                ScanList(list, prefix, into, depth);
                break;
            default:
                RunProbes(ProbesFor(node.GetType()), node, prefix, into, depth);
                break;
        }
    }

    private void RunProbes(Probe[] probes, object node, string prefix, List<string> into, int depth)
    {
        foreach (var probe in probes)
        {
            probe.Run(this, node, prefix, into, depth);
        }
    }

    private Probe[] ProbesFor(Type type)
    {
        var last = _lastProbes;
        if (last != null && last.Type == type)
        {
            return last.Probes;
        }

        var probes = _probes.GetOrAdd(type, _buildProbes);
        _lastProbes = new TypeProbes(type, probes);
        return probes;
    }

    private sealed class TypeProbes
    {
        public TypeProbes(Type type, Probe[] probes)
        {
            Type = type;
            Probes = probes;
        }

        public Type Type { get; }

        public Probe[] Probes { get; }
    }

    // Lists are looked into too: an element may carry a protected field, and a list of name/value
    // pairs (attributes: [{name: gender, value: f}]) names its fields in its values.
    private void ScanList(IEnumerable list, string prefix, List<string> into, int depth)
    {
        var count = 0;
        foreach (var element in list)
        {
            if (++count > MaxListElements)
            {
                break;
            }

            if (NameValuePair(element, out var name, out var value))
            {
                ScanEntry(prefix, name, value, into, depth);
            }
            else
            {
                ScanNode(element, prefix, into, depth + 1);
            }
        }
    }

    private static bool NameValuePair(object? element, out string name, out object? value)
    {
        name = "";
        value = null;
        if (element is not IDictionary<string, object?> pair || !pair.TryGetValue("value", out value))
        {
            return false;
        }

        if ((pair.TryGetValue("name", out var key) || pair.TryGetValue("key", out key)) && key is string text)
        {
            name = text;
            return true;
        }

        return false;
    }

    private void ScanEntry(string prefix, string key, object? value, List<string> into, int depth)
    {
        var path = prefix.Length == 0 ? key : prefix + "." + key;
        if (_classifier.ProtectedAttributeOf(path) != null)
        {
            if (!FieldValue.FromObject(value).IsMissingOrNull)
            {
                into.Add(path);
            }

            return;
        }

        ScanNode(value, path, into, depth + 1);
    }

    private void ScanJson(JsonElement element, string prefix, List<string> into, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (_classifier.ProtectedAttributeOf(path) != null)
            {
                if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    into.Add(path);
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                ScanJson(property.Value, path, into, depth + 1);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                ScanJsonArray(property.Value, path, into, depth + 1);
            }
        }
    }

    private void ScanJsonArray(JsonElement array, string prefix, List<string> into, int depth)
    {
        var count = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (++count > MaxListElements || depth > MaxDepth)
            {
                break;
            }

            if (element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("value", out var value)
                && (element.TryGetProperty("name", out var name) || element.TryGetProperty("key", out name))
                && name.ValueKind == JsonValueKind.String)
            {
                var path = prefix.Length == 0 ? name.GetString()! : prefix + "." + name.GetString();
                if (_classifier.ProtectedAttributeOf(path) != null && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    into.Add(path);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                ScanJson(element, prefix, into, depth);
            }
        }
    }

    private Probe[] BuildProbes(Type type)
    {
        var probes = new List<Probe>();
        Collect(type, "", new HashSet<Type>(), probes, 0);
        return probes.Select(probe => probe.For(type)).ToArray();
    }

    private void Collect(Type type, string prefix, HashSet<Type> visiting, List<Probe> probes, int depth)
    {
        if (depth > MaxDepth || !visiting.Add(type))
        {
            return;
        }

        foreach (var member in PocoAccessors.ReadableMembers(type))
        {
            var memberType = member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;
            var name = char.ToLowerInvariant(member.Name[0]) + member.Name.Substring(1);
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            if (_classifier.ProtectedAttributeOf(path) != null)
            {
                probes.Add(new Probe(path, new FieldPath(path), dynamicContainer: false));
            }
            else if (InputWalker.IsDynamicContainer(memberType) && memberType != typeof(object) || memberType == typeof(object))
            {
                probes.Add(new Probe(path, new FieldPath(path), dynamicContainer: true));
            }
            else if (PocoAccessors.IsPlainObjectType(memberType))
            {
                Collect(memberType, path, visiting, probes, depth + 1);
            }
        }

        visiting.Remove(type);
    }

    /// <summary>One member path of a plain type: either a protected field to test, or a dictionary/JSON/object member to walk.</summary>
    private sealed class Probe
    {
        private readonly string _path;
        private readonly FieldPath _fieldPath;
        private readonly bool _dynamicContainer;
        private readonly Func<object, FieldValue>? _read;

        public Probe(string path, FieldPath fieldPath, bool dynamicContainer, Func<object, FieldValue>? read = null)
        {
            _path = path;
            _fieldPath = fieldPath;
            _dynamicContainer = dynamicContainer;
            _read = read;
        }

        /// <summary>The probe with its accessor compiled for <paramref name="type"/> (probes are built per type).</summary>
        public Probe For(Type type) => new(_path, _fieldPath, _dynamicContainer, PocoAccessors.Get(type, _fieldPath, 0));

        public void Run(ProtectedFieldScanner scanner, object root, string prefix, List<string> into, int depth)
        {
            var value = (_read ?? PocoAccessors.Get(root.GetType(), _fieldPath, 0))(root);
            var path = prefix.Length == 0 ? _path : prefix + "." + _path;
            if (!_dynamicContainer)
            {
                if (!value.IsMissingOrNull)
                {
                    into.Add(path);
                }
            }
            else if (value.Kind == ValueKind.Object)
            {
                scanner.ScanNode(value.Reference, path, into, depth + 1);
            }
        }
    }
}
