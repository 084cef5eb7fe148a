using System.Diagnostics;

namespace GoldMiner.LoadTest.Target;

/// <summary>
/// Whether a .NET server is still compiling its hot code, read from the CPU of its tiered
/// compilation thread (".NET Tiered Com…") in /proc.
/// </summary>
/// <remarks>
/// .NET recompiles a method that runs often (tier 0, then instrumented, then optimised with what
/// was learnt) on a background thread, and under this load that goes on well after the sockets are
/// open: 10 s into a 100-room full-speed run it still took 12% of the server's CPU, and a 5,000-room
/// paced run kept it busy for ~40 s (docs/performance.md, round 7). A window that starts before it
/// is over measures the warm-up, not the server an operator runs for days, so the tool warms up
/// until this thread has been idle for a few seconds.
/// </remarks>
public static class TieredJit
{
    private const string ThreadName = ".NET Tiered Com";

    // Under a clock tick per second is idle: the thread wakes now and then with nothing to do.
    private const double IdleCpuPerSecond = 0.011;

    /// <summary>
    /// Waits until the tiered compilation of <paramref name="pid"/> has been idle for
    /// <paramref name="quiet"/>, or <paramref name="limit"/> has passed; returns how long it waited.
    /// </summary>
    public static async Task<TimeSpan> WaitUntilSettledAsync(int pid, TimeSpan quiet, TimeSpan limit, CancellationToken cancellation)
    {
        var waited = Stopwatch.StartNew();
        var quietSince = waited.Elapsed;
        var before = CpuSeconds(pid);
        while (waited.Elapsed - quietSince < quiet && waited.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            var now = CpuSeconds(pid);

            // The thread exits when it runs out of work (its CPU leaves the sum) and a new one
            // starts when there is more: only growth says it is busy.
            if (now - before > IdleCpuPerSecond)
            {
                quietSince = waited.Elapsed;
            }

            before = now;
        }

        return waited.Elapsed;
    }

    /// <summary>CPU seconds of the process's live tiered-compilation threads (0 when there is none or /proc cannot tell).</summary>
    public static double CpuSeconds(int pid) =>
        ThreadGroups.Read(pid) is { } groups && groups.TryGetValue(ThreadName, out var compiler) ? compiler.CpuSeconds : 0;
}
