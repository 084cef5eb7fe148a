using System.Collections;
using System.Runtime.CompilerServices;

namespace GoldMiner.Core;

/// <summary>
/// A read-only list that keeps up to two items in itself and more in an array. What a move returns
/// is nearly always that small: one or two events, the one cell a dig of a number reveals, the two
/// seats' scores.
/// </summary>
/// <remarks>
/// A value, so a move's result costs no list object per event: on a busy server the arrays and
/// one-item lists behind each dig's events, cells and scores were ~15% of everything allocated
/// (docs/performance.md, round 12). Equal when the items are equal, in order.
/// </remarks>
[CollectionBuilder(typeof(InlineList), nameof(InlineList.Create))]
public readonly struct InlineList<T> : IReadOnlyList<T>, IEquatable<InlineList<T>>
{
    private readonly T first;
    private readonly T second;
    private readonly T[]? items;

    /// <summary>A list of one item.</summary>
    public InlineList(T first)
    {
        this.first = first;
        second = default!;
        Count = 1;
    }

    /// <summary>A list of two items.</summary>
    public InlineList(T first, T second)
    {
        this.first = first;
        this.second = second;
        Count = 2;
    }

    /// <summary>A list of any length over <paramref name="items"/>, which the list now owns: the caller must not change it.</summary>
    public InlineList(T[] items)
    {
        first = default!;
        second = default!;
        this.items = items;
        Count = items.Length;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Count} items.");
            }

            return items is not null ? items[index] : index == 0 ? first : second;
        }
    }

    /// <summary>The usual enumerator, as a value: a <c>foreach</c> over the list allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(InlineList<T> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Count; i++)
        {
            if (!comparer.Equals(this[i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is InlineList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in this)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items, as a record prints a collection: <c>[a, b]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", this)}]";

    /// <summary>Walks the list in order.</summary>
    public struct Enumerator(InlineList<T> list) : IEnumerator<T>
    {
        private int index = -1;

        /// <inheritdoc />
        public readonly T Current => list[index];

        readonly object? IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++index < list.Count;

        /// <inheritdoc />
        public void Reset() => index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
