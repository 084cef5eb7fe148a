namespace GoldMiner.Core;

// The generic list itself is in InlineList_1.cs (the runtime's naming for a type and its static companion).

/// <summary>Builds an <see cref="InlineList{T}"/> from a collection expression (<c>[a, b]</c>).</summary>
public static class InlineList
{
    /// <summary>A list of <paramref name="items"/>: kept inline up to two, copied to an array beyond.</summary>
    public static InlineList<T> Create<T>(ReadOnlySpan<T> items) => items.Length switch
    {
        0 => default,
        1 => new InlineList<T>(items[0]),
        2 => new InlineList<T>(items[0], items[1]),
        _ => new InlineList<T>(items.ToArray()),
    };
}
