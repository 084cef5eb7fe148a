using System.Diagnostics;

namespace GoldMiner.LoadTest.Play;

/// <summary>
/// When a slot's next dig goes out: at once at full speed; paced, one per interval, starting at a
/// random phase so slots do not dig in step. Not thread-safe: call under the slot's own lock.
/// </summary>
public sealed class DigSchedule(PlayContext context)
{
    private long nextDue;

    /// <summary>Starts the schedule now, at a random point of the first interval.</summary>
    public void Start(Random random) => nextDue = Stopwatch.GetTimestamp() + (long)(random.NextDouble() * context.IntervalTicks);

    /// <summary>How long (in <see cref="Stopwatch"/> ticks) the next dig waits; books its slot.</summary>
    public long NextDelay()
    {
        if (!context.Paced)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        var due = Math.Max(now, nextDue);
        nextDue = due + context.IntervalTicks;
        return due - now;
    }

    /// <summary>Waits out a delay from <see cref="NextDelay"/>, recording how late the timer fired.</summary>
    public async Task WaitAsync(long delayTicks)
    {
        if (delayTicks > 0)
        {
            var due = Stopwatch.GetTimestamp() + delayTicks;
            await Task.Delay(TimeSpan.FromSeconds(delayTicks / (double)Stopwatch.Frequency));
            context.Metrics.TimerFired(due);
        }
    }
}
