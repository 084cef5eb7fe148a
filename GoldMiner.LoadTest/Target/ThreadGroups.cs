namespace GoldMiner.LoadTest.Target;

/// <summary>What one kind of server thread did in the window: its CPU, how often it slept, how often it was preempted.</summary>
public sealed record ThreadGroupUse(string Name, int Threads, double CpuSeconds, double? MicrosecondsPerDig, double SleepsPerSecond, double PreemptionsPerSecond);

/// <summary>
/// A process's threads from /proc/&lt;pid&gt;/task, grouped by name: every pool worker is ".NET TP
/// Worker", the journal's writer "GoldMiner journ" (Linux keeps 15 characters of a name).
/// </summary>
/// <remarks>
/// Which thread a dig's CPU is spent on, and how often each kind sleeps and wakes, is what round 8
/// of docs/performance.md needed to tell the journal's cost from the transport's. A thread that
/// ends inside the window takes its counts with it (the pool retires idle workers), so the groups
/// can add up to a little less than the process.
/// </remarks>
public static class ThreadGroups
{
    /// <summary>Counters per thread name, summed over the threads alive now; null when /proc cannot be read.</summary>
    public static IReadOnlyDictionary<string, ThreadCounters>? Read(int pid)
    {
        var groups = new Dictionary<string, ThreadCounters>(StringComparer.Ordinal);
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (ReadThread(task) is not { } thread)
                {
                    continue;
                }

                groups[thread.Name] = groups.TryGetValue(thread.Name, out var sum) ? sum + thread.Counters : thread.Counters;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return groups;
    }

    /// <summary>What each group did between two readings, busiest first.</summary>
    public static IReadOnlyList<ThreadGroupUse> Between(IReadOnlyDictionary<string, ThreadCounters> before, IReadOnlyDictionary<string, ThreadCounters> after, double seconds, long digs) =>
        after
            .Select(group =>
            {
                var start = before.TryGetValue(group.Key, out var b) ? b : default;
                var cpu = Math.Max(0, group.Value.CpuSeconds - start.CpuSeconds);
                return new ThreadGroupUse(
                    group.Key,
                    group.Value.Threads,
                    Math.Round(cpu, 3),
                    digs > 0 ? Math.Round(cpu * 1e6 / digs, 2) : null,
                    Math.Round(Math.Max(0, group.Value.Sleeps - start.Sleeps) / seconds, 1),
                    Math.Round(Math.Max(0, group.Value.Preemptions - start.Preemptions) / seconds, 1));
            })
            .OrderByDescending(use => use.CpuSeconds)
            .ToList();

    /// <summary>One thread's name (without its number, if it has one) and counters; null when it ended while being read.</summary>
    private static (string Name, ThreadCounters Counters)? ReadThread(string taskDirectory)
    {
        try
        {
            var name = Name(File.ReadAllText(Path.Combine(taskDirectory, "comm")));
            var cpu = ProcessSample.CpuSecondsOf(File.ReadAllText(Path.Combine(taskDirectory, "stat")));
            long sleeps = 0, preemptions = 0;
            foreach (var line in File.ReadLines(Path.Combine(taskDirectory, "status")))
            {
                // A sleep (waiting for I/O, a lock, work) is a voluntary switch; being made to give up the core, not.
                if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                {
                    sleeps = ProcessSample.StatusNumber(line);
                }
                else if (line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                {
                    preemptions = ProcessSample.StatusNumber(line);
                }
            }

            return (name, new ThreadCounters(1, cpu, sleeps, preemptions));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The name shared by threads of one kind: "Thread 12" and "Thread 3" are both "Thread".</summary>
    internal static string Name(string comm) => comm.Trim().TrimEnd("0123456789#".ToCharArray()).TrimEnd() is { Length: > 0 } name ? name : comm.Trim();
}

/// <summary>Counters of one thread, or of a group of them summed.</summary>
public readonly record struct ThreadCounters(int Threads, double CpuSeconds, long Sleeps, long Preemptions)
{
    public static ThreadCounters operator +(ThreadCounters a, ThreadCounters b) =>
        new(a.Threads + b.Threads, a.CpuSeconds + b.CpuSeconds, a.Sleeps + b.Sleeps, a.Preemptions + b.Preemptions);
}
