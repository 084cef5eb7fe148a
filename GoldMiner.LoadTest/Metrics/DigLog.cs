using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace GoldMiner.LoadTest.Metrics;

/// <summary>
/// Every dig of the window: when it was sent and how long until its mover heard it back, to line up
/// with what else the machine did at that moment (docs/performance.md, round 9: the slowest 1% were
/// a handful of events, found by joining this with an ftrace of the scheduler).
/// </summary>
/// <remarks>
/// Times are <see cref="Stopwatch"/> timestamps in nanoseconds. On Linux that clock is the kernel's
/// CLOCK_MONOTONIC, the one ftrace uses with <c>trace_clock</c> set to <c>mono</c>.
/// </remarks>
public sealed class DigLog
{
    public const string Header = "sent_ns,round_trip_us";

    private readonly ConcurrentQueue<(long Sent, long Received)> digs = new();

    public int Count => digs.Count;

    public void Record(long sentTimestamp, long receivedTimestamp) => digs.Enqueue((sentTimestamp, receivedTimestamp));

    /// <summary>
    /// Writes one CSV line per dig, in the order they were heard back, after a comment line with
    /// the processes' ids, which tell the scheduler trace's tasks apart.
    /// </summary>
    public void Write(TextWriter writer, int toolPid, int? serverPid)
    {
        writer.WriteLine($"# tool pid {toolPid}; server pid {serverPid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
        writer.WriteLine(Header);
        foreach (var (sent, received) in digs)
        {
            var sentNs = (long)(sent * (1e9 / Stopwatch.Frequency));
            var roundTripUs = (long)((received - sent) * (1e6 / Stopwatch.Frequency));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sentNs},{roundTripUs}"));
        }
    }
}
