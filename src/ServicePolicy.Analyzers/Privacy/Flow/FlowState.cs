namespace ServicePolicy.Analyzers.Privacy.Flow;

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

/// <summary>
/// What is known at one program point of a control flow graph:
/// <list type="bullet">
/// <item>which locals, parameters and flow captures hold personal data (a may-fact: union at joins);</item>
/// <item>whether a consent check returned true on every path to here (a must-fact: and at joins);</item>
/// <item>which booleans hold a consent check's result, and with which polarity (must: intersection).</item>
/// </list>
/// Keys are <see cref="ILocalSymbol"/>, <see cref="IParameterSymbol"/> or <see cref="CaptureId"/>.
/// </summary>
internal sealed class FlowState
{
    private static readonly IEqualityComparer<object> KeyComparer = new FlowKeyComparer();

    private readonly Dictionary<object, TaintSet> taint;
    private readonly Dictionary<object, ConsentPolarity> consentHolders;

    public FlowState()
    {
        taint = new Dictionary<object, TaintSet>(KeyComparer);
        consentHolders = new Dictionary<object, ConsentPolarity>(KeyComparer);
    }

    private FlowState(FlowState other)
    {
        taint = new Dictionary<object, TaintSet>(other.taint, KeyComparer);
        consentHolders = new Dictionary<object, ConsentPolarity>(other.consentHolders, KeyComparer);
        ConsentEstablished = other.ConsentEstablished;
    }

    /// <summary>True when every path to this point passed a consent check that returned true.</summary>
    public bool ConsentEstablished { get; set; }

    /// <summary>How many facts the state holds (what copying or joining it costs).</summary>
    public int Size => taint.Count + consentHolders.Count;

    public FlowState Clone() => new(this);

    public bool TryGetTaint(object key, out TaintSet value) => taint.TryGetValue(key, out value);

    /// <summary>
    /// A variable now holds exactly <paramref name="value"/>. A local or capture that holds nothing personal is
    /// left out of the state (absent reads as empty), so the state grows with the tainted variables only, not
    /// with every variable of a long method. A parameter keeps an explicit empty entry: absent means "what it
    /// held on entry".
    /// </summary>
    public void SetTaint(object key, TaintSet value)
    {
        if (value.IsEmpty && key is not IParameterSymbol)
        {
            taint.Remove(key);
        }
        else
        {
            taint[key] = value;
        }
    }

    /// <summary>Adds to what a variable holds (a write into one of its members or elements).</summary>
    public void AddTaint(object key, TaintSet value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        taint[key] = taint.TryGetValue(key, out var existing) ? existing.Union(value) : value;
    }

    public ConsentPolarity ConsentHeldBy(object key) =>
        consentHolders.TryGetValue(key, out var polarity) ? polarity : ConsentPolarity.None;

    public void SetConsentHolder(object key, ConsentPolarity polarity)
    {
        if (polarity == ConsentPolarity.None)
        {
            consentHolders.Remove(key);
        }
        else
        {
            consentHolders[key] = polarity;
        }
    }

    /// <summary>The state after two paths meet.</summary>
    public static FlowState Join(FlowState left, FlowState right)
    {
        var joined = left.Clone();
        foreach (var entry in right.taint)
        {
            joined.AddTaint(entry.Key, entry.Value);
        }

        joined.ConsentEstablished = left.ConsentEstablished && right.ConsentEstablished;
        foreach (var entry in left.consentHolders)
        {
            var common = entry.Value & right.ConsentHeldBy(entry.Key);
            joined.SetConsentHolder(entry.Key, common);
        }

        return joined;
    }

    public bool SameAs(FlowState other)
    {
        if (ConsentEstablished != other.ConsentEstablished
            || taint.Count != other.taint.Count
            || consentHolders.Count != other.consentHolders.Count)
        {
            return false;
        }

        foreach (var entry in taint)
        {
            if (!other.taint.TryGetValue(entry.Key, out var value) || !value.SetEquals(entry.Value))
            {
                return false;
            }
        }

        foreach (var entry in consentHolders)
        {
            if (other.ConsentHeldBy(entry.Key) != entry.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Symbols compare with <see cref="SymbolEqualityComparer.Default"/>, capture ids by value.</summary>
    private sealed class FlowKeyComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
