using System.Runtime;

namespace GoldMiner.LoadTest.Metrics;

/// <summary>
/// Keeps the harness's own garbage collections out of a measured window, and says how many it had.
/// </summary>
/// <remarks>
/// Ten thousand bot sockets make the tool's heap as busy as the server's: a collection of it pauses
/// every bot for 50-70 ms here, and each message that arrives meanwhile is timed as if the server
/// had been that slow. Measured (docs/performance.md, round 7): the bare relay's p99 round trip was
/// 5-7 ms with the harness collecting in the window and 1.4-3.1 ms without. So warm-up and window run
/// in a no-GC region: the runtime sets aside the budget up front and collects nothing until it is
/// used up. If it is, a collection happens after all, the region ends, and the report says so, so
/// no reader takes a disturbed window for a clean one. The region starts before the warm-up
/// because starting one is itself a full collection (a pause of its own, best kept out of the window).
/// </remarks>
public sealed class HarnessCollections
{
    private const long SmallestRegion = 64L << 20;

    private readonly long regionBytes;
    private int gen0Before;
    private TimeSpan pauseBefore;

    private HarnessCollections(long regionBytes) => this.regionBytes = regionBytes;

    /// <summary>Holds collections off for up to <paramref name="budgetMb"/> MB of allocation (0: do not hold them off). Call before the warm-up.</summary>
    public static HarnessCollections HoldOff(int budgetMb)
    {
        // The runtime refuses a region bigger than it can set aside: ask for less until it agrees.
        for (var bytes = (long)budgetMb << 20; bytes >= SmallestRegion; bytes /= 2)
        {
            try
            {
                if (GC.TryStartNoGCRegion(bytes))
                {
                    return new HarnessCollections(bytes);
                }
            }
            catch (ArgumentOutOfRangeException)
            {
                // Too big for this heap: try half.
            }
        }

        return new HarnessCollections(0);
    }

    /// <summary>The window starts: collections from here on are the ones reported.</summary>
    public void StartWindow()
    {
        gen0Before = GC.CollectionCount(0);
        pauseBefore = GC.GetTotalPauseDuration();
    }

    /// <summary>Ends the region (if it still holds) and reports the collections the window had.</summary>
    public HarnessGcReport Stop()
    {
        var held = false;
        if (regionBytes > 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
                held = true;
            }
            catch (InvalidOperationException)
            {
                // The region ended on its own (used up): the count below shows the collection.
            }
        }

        return new HarnessGcReport(
            GC.CollectionCount(0) - gen0Before,
            Math.Round((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds, 1),
            regionBytes >> 20,
            held);
    }
}

/// <summary>
/// The harness's own collections during a window: <paramref name="Collections"/> and their total
/// pause, the no-GC region asked for (0: none) and whether it held to the end.
/// </summary>
public sealed record HarnessGcReport(int Collections, double PauseMs, long RegionMb, bool RegionHeld)
{
    public override string ToString() =>
        $"{Collections} ({PauseMs:0} ms paused); " + (RegionMb == 0 ? "no no-GC region" : RegionHeld ? $"no-GC region of {RegionMb} MB held" : $"no-GC region of {RegionMb} MB ran out");
}
