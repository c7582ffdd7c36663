namespace ServicePolicy.Core.Model;

using System.Text;

/// <summary>
/// Field and member names as people write them: <c>customerEmail</c>, <c>customer_email</c>,
/// <c>E-Mail</c> and <c>CUSTOMER-EMAIL</c> are the same words. A name is cut into lower-case words
/// at dots, underscores, hyphens, spaces and case changes; a classified name matches a name when its
/// words, run together, equal a run of consecutive words of the name (so <c>email</c> is found in
/// <c>customer.contactEmail</c> and in <c>E-Mail</c>, and <c>gender</c> in <c>genderIdentity</c>,
/// but <c>age</c> is not found in <c>usage</c>). Words run together need a case change where each
/// starts: <c>customeremail</c> is one word.
/// </summary>
public static class FieldNames
{
    /// <summary>The lower-case words of a name.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && StartsWord(name, i))
            {
                Flush(words, current);
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    /// <summary>The words of a name run together: the form names are compared in (<c>E-Mail</c> is <c>email</c>).</summary>
    public static string Key(string name) => string.Concat(Words(name));

    // A word starts at an upper-case letter after a lower-case letter or a digit (customerEmail), at
    // the last capital of a run followed by a lower-case letter (HTMLParser: html, parser), and where
    // letters and digits meet.
    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        var c = name[i];
        if (char.IsDigit(c) != char.IsDigit(previous))
        {
            return true;
        }

        if (!char.IsUpper(c))
        {
            return false;
        }

        return char.IsLower(previous) || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}

/// <summary>Classified names and what each stands for, looked up by the words of a name (see <see cref="FieldNames"/>).</summary>
public sealed class FieldNameIndex<T>
{
    private readonly Dictionary<string, List<T>> _byKey = new(StringComparer.Ordinal);
    private int _longestKey;

    public bool IsEmpty => _byKey.Count == 0;

    public void Add(string name, T value)
    {
        var key = FieldNames.Key(name);
        if (key.Length == 0)
        {
            return;
        }

        if (!_byKey.TryGetValue(key, out var values))
        {
            _byKey[key] = values = new List<T>();
        }

        if (!values.Contains(value))
        {
            values.Add(value);
        }

        _longestKey = Math.Max(_longestKey, key.Length);
    }

    /// <summary>Everything the runs of a name's words stand for, from its first word on; empty when nothing matches.</summary>
    public List<T> Find(string name)
    {
        var found = new List<T>();
        if (_byKey.Count == 0)
        {
            return found;
        }

        var words = FieldNames.Words(name);
        var run = new StringBuilder();
        for (var start = 0; start < words.Count; start++)
        {
            run.Clear();
            for (var end = start; end < words.Count && run.Length + words[end].Length <= _longestKey; end++)
            {
                run.Append(words[end]);
                if (_byKey.TryGetValue(run.ToString(), out var values))
                {
                    foreach (var value in values)
                    {
                        if (!found.Contains(value))
                        {
                            found.Add(value);
                        }
                    }
                }
            }
        }

        return found;
    }

    public bool Matches(string name) => Find(name).Count > 0;
}
