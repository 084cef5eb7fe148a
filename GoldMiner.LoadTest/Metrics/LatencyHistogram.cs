using System.Numerics;

namespace GoldMiner.LoadTest.Metrics;

/// <summary>
/// An HDR-style histogram of microseconds: exact below 256 µs, then 128 buckets per power of two
/// (under 0.8% error) up to hours. Lock-free to record from many threads; fixed 36 KB.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 7;
    private const int Sub = 1 << SubBits;
    private const int Linear = Sub * 2;
    private const int MaxShift = 34;

    private readonly long[] buckets = new long[Linear + (MaxShift * Sub)];
    private long count;
    private long max;
    private long sum;

    public long Count => Interlocked.Read(ref count);

    public double MeanMicroseconds => Count == 0 ? 0 : Interlocked.Read(ref sum) / (double)Count;

    public long MaxMicroseconds => Interlocked.Read(ref max);

    public void Record(long microseconds)
    {
        var value = Math.Max(0, microseconds);
        Interlocked.Increment(ref buckets[Index(value)]);
        Interlocked.Increment(ref count);
        Interlocked.Add(ref sum, value);
        var seen = Interlocked.Read(ref max);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1), as the upper edge of its bucket, never above the max.</summary>
    public long Percentile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += Interlocked.Read(ref buckets[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperEdge(i), MaxMicroseconds);
            }
        }

        return MaxMicroseconds;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < buckets.Length; i++)
        {
            Interlocked.Add(ref buckets[i], Interlocked.Read(ref other.buckets[i]));
        }

        Interlocked.Add(ref count, other.Count);
        Interlocked.Add(ref sum, Interlocked.Read(ref other.sum));
        if (other.MaxMicroseconds > MaxMicroseconds)
        {
            Interlocked.Exchange(ref max, other.MaxMicroseconds);
        }
    }

    public LatencySummary Summarise() => new(
        Count,
        Math.Round(MeanMicroseconds / 1000.0, 3),
        Percentile(0.50) / 1000.0,
        Percentile(0.90) / 1000.0,
        Percentile(0.99) / 1000.0,
        Percentile(0.999) / 1000.0,
        MaxMicroseconds / 1000.0);

    private static int Index(long value)
    {
        if (value < Linear)
        {
            return (int)value;
        }

        var shift = Math.Min((63 - BitOperations.LeadingZeroCount((ulong)value)) - SubBits, MaxShift);
        var top = (int)Math.Min(value >> shift, Linear - 1);
        return Linear + ((shift - 1) * Sub) + (top - Sub);
    }

    private static long UpperEdge(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = ((index - Linear) / Sub) + 1;
        var top = ((index - Linear) % Sub) + Sub;
        return ((long)(top + 1) << shift) - 1;
    }
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs);
