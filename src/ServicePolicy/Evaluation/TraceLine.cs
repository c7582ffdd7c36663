namespace ServicePolicy.Evaluation;

/// <summary>One line of a traced evaluation: a condition (or combinator) with the value it saw and whether it held.</summary>
internal struct TraceLine
{
    public int Depth;
    public string Text;
    public string? Actual;
    public bool Held;
}
