using System.Diagnostics;
using GoldMiner.LoadTest.Target;

namespace GoldMiner.Tests.LoadTest;

/// <summary>The load tool's per-thread report, read from this test process's own /proc.</summary>
public class ThreadGroupsTests
{
    [Theory]
    [InlineData(".NET TP Worker", ".NET TP Worker")]
    [InlineData("GoldMiner journ", "GoldMiner journ")]
    [InlineData("Thread 12", "Thread")]
    [InlineData("worker#3", "worker")]
    [InlineData("12345", "12345")]
    public void Threads_of_one_kind_share_a_name(string comm, string name) =>
        ThreadGroups.Name(comm + "\n").Should().Be(name);

    [Fact]
    public void A_thread_that_works_and_sleeps_is_counted_in_its_group()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var go = new SemaphoreSlim(0);
        using var done = new SemaphoreSlim(0);
        var stop = false;
        var probe = new Thread(() =>
        {
            while (true)
            {
                go.Wait();
                if (Volatile.Read(ref stop))
                {
                    return;
                }

                // Some CPU, then a sleep that is certainly one (a semaphore may only spin).
                Burn(TimeSpan.FromMilliseconds(60));
                Thread.Sleep(20);
                done.Release();
            }
        }) { Name = "gm-probe 7", IsBackground = true };
        probe.Start();
        try
        {
            Run(go, done);
            var before = ThreadGroups.Read(Environment.ProcessId)!;
            Run(go, done);
            Run(go, done);
            var after = ThreadGroups.Read(Environment.ProcessId)!;

            before.Should().ContainKey("gm-probe").WhoseValue.Threads.Should().Be(1);
            var use = ThreadGroups.Between(before, after, seconds: 1, digs: 1000).Single(g => g.Name == "gm-probe");
            use.Threads.Should().Be(1);
            use.CpuSeconds.Should().BeGreaterThan(0, "it spun for ~120 ms between the readings");
            use.MicrosecondsPerDig.Should().BeApproximately(use.CpuSeconds * 1e6 / 1000, 0.01);
            use.SleepsPerSecond.Should().BeGreaterThanOrEqualTo(2, "it slept twice between the readings");
        }
        finally
        {
            Volatile.Write(ref stop, true);
            go.Release();
            probe.Join();
        }
    }

    [Fact]
    public void A_group_born_in_the_window_counts_from_zero_and_the_busiest_comes_first()
    {
        var before = new Dictionary<string, ThreadCounters> { ["old"] = new(1, 2.0, 10, 1) };
        var after = new Dictionary<string, ThreadCounters>
        {
            ["old"] = new(1, 2.5, 30, 3),
            ["new"] = new(2, 1.0, 8, 4),
        };

        var uses = ThreadGroups.Between(before, after, seconds: 2, digs: 0);

        uses.Select(u => u.Name).Should().Equal("new", "old");
        uses[0].Should().Be(new ThreadGroupUse("new", 2, 1.0, null, 4, 2));
        uses[1].Should().Be(new ThreadGroupUse("old", 1, 0.5, null, 10, 1));
    }

    private static void Run(SemaphoreSlim go, SemaphoreSlim done)
    {
        go.Release();
        done.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
    }

    private static void Burn(TimeSpan time)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < time)
        {
            Thread.SpinWait(1000);
        }
    }
}
