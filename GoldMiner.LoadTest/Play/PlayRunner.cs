using System.Diagnostics;
using GoldMiner.LoadTest.Cli;
using GoldMiner.LoadTest.Clients;
using GoldMiner.LoadTest.Metrics;
using GoldMiner.LoadTest.Relay;
using GoldMiner.LoadTest.Report;
using GoldMiner.LoadTest.Target;

namespace GoldMiner.LoadTest.Play;

/// <summary>
/// One full-speed or paced run: connect every room's sockets, play through a warm-up, then measure
/// a fixed window (server and harness CPU from /proc at both ends), then stop everything.
/// </summary>
public static class PlayRunner
{
    public static async Task<PlayResult> RunAsync(LoadOptions options, ServerUnderTest server, int rooms, bool paced, CancellationToken cancellation)
    {
        var metrics = new LoadMetrics { DigLog = options.DigLogPath is null ? null : new DigLog() };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var sockets = new SocketFactory();
        var context = new PlayContext(options, metrics, http, sockets, server.SocketAddress, paced);
        var drivers = Enumerable.Range(0, rooms)
            .Select(i => options.Relay ? new RelayPairDriver(i, context) : (IRoomDriver)new RoomDriver(i, context))
            .ToList();
        var mode = (options.Relay ? "relay pairs " : string.Empty) + (paced ? $"paced, 1 dig / {options.DigInterval.TotalSeconds:0.##} s / room" : "full speed");
        var socketsWanted = rooms * (2 + options.Spectators);

        // Setup: open every socket (bounded concurrency), so the window measures play, not connects.
        var setup = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(options.SetupConcurrency);
        var connecting = Task.WhenAll(drivers.Select(async d =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                await d.ConnectAsync(cancellation);
            }
            finally
            {
                gate.Release();
            }
        }));
        await LiveStatus.ShowWhileAsync($"{rooms} rooms {mode}: connecting", connecting, () =>
        [
            ("rooms ready", $"{drivers.Count(d => d.Connected)}/{rooms}"),
            ("connection failures", metrics.ConnectionFailureCount.ToString()),
        ]);
        var setupSeconds = setup.Elapsed.TotalSeconds;
        var connected = drivers.Where(d => d.Connected).ToList();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var harnessGc = HarnessCollections.HoldOff(options.HarnessNoGcMb);
        var playing = Task.WhenAll(connected.Select(d => Task.Run(() => d.RunAsync(stop.Token), CancellationToken.None)));
        await LiveStatus.ShowWhileAsync($"{rooms} rooms {mode}: warm-up", Task.Delay(options.Warmup, cancellation), () =>
        [
            ("games verified", metrics.GamesVerified.ToString()),
            ("errors", metrics.ErrorCount.ToString()),
            ("violations", metrics.ViolationCount.ToString()),
        ]);

        // A relay pair plays no games, so it has nothing to turn over.
        var turnover = TimeSpan.Zero;
        if (!options.Relay && options.TurnoverLimit > TimeSpan.Zero)
        {
            var turningOver = Turnover.WaitAsync(() => metrics.GamesFinishedInRun, rooms, options.TurnoverLimit, cancellation);
            await LiveStatus.ShowWhileAsync($"{rooms} rooms {mode}: warm-up, until as many games have finished as there are rooms", turningOver, () =>
            [
                ("games finished", $"{metrics.GamesFinishedInRun}/{rooms}"),
                ("errors", metrics.ErrorCount.ToString()),
                ("violations", metrics.ViolationCount.ToString()),
            ]);
            turnover = await turningOver;
        }

        var jitSettle = TimeSpan.Zero;
        if (server.Pid is { } pid && options.JitSettleLimit > TimeSpan.Zero)
        {
            var settling = TieredJit.WaitUntilSettledAsync(pid, TimeSpan.FromSeconds(3), options.JitSettleLimit, cancellation);
            await LiveStatus.ShowWhileAsync($"{rooms} rooms {mode}: warm-up, until the server's JIT settles", settling, () =>
            [
                ("server JIT thread CPU", $"{TieredJit.CpuSeconds(pid):0.00} s"),
                ("games verified", metrics.GamesVerified.ToString()),
                ("errors", metrics.ErrorCount.ToString()),
            ]);
            jitSettle = await settling;
        }

        var serverBefore = server.Sample();
        var threadsBefore = server.Pid is { } serverPid ? ThreadGroups.Read(serverPid) : null;
        var harnessBefore = ProcessSample.Read(Environment.ProcessId);
        var window = Stopwatch.StartNew();
        harnessGc.StartWindow();
        metrics.StartWindow();
        await LiveStatus.ShowWhileAsync($"{rooms} rooms {mode}: measuring", Task.Delay(options.Duration, cancellation), () =>
        {
            var now = server.Sample();
            var seconds = Math.Max(window.Elapsed.TotalSeconds, 0.001);
            var cpu = now is { } n && serverBefore is { } b ? $"{100 * (n.CpuSeconds - b.CpuSeconds) / seconds:0}%" : "-";
            return
            [
                ("time", $"{seconds:0}/{options.Duration.TotalSeconds:0} s"),
                ("digs/s", $"{metrics.Digs / seconds:N0}"),
                ("games", metrics.GamesFinished.ToString()),
                ("rtt p99", $"{metrics.RoundTrip.Percentile(0.99) / 1000.0:0.00} ms"),
                ("opp p99", $"{metrics.Opponent.Percentile(0.99) / 1000.0:0.00} ms"),
                ("server cpu", cpu),
                ("server rss", now is { } r ? $"{r.RssBytes / 1048576.0:0} MB" : "-"),
                ("errors", metrics.ErrorCount.ToString()),
                ("violations", metrics.ViolationCount.ToString()),
            ];
        });
        metrics.StopWindow();
        var elapsed = window.Elapsed.TotalSeconds;
        var harnessCollections = harnessGc.Stop();
        var serverAfter = server.Sample();
        var threadsAfter = server.Pid is { } pidAfter ? ThreadGroups.Read(pidAfter) : null;
        var load = LoadAverage.Now();
        var harnessAfter = ProcessSample.Read(Environment.ProcessId);

        // Written once the window's samples are taken, so the writing is in none of them.
        if (options.DigLogPath is { } digLogPath && metrics.DigLog is { } digLog)
        {
            using var file = new StreamWriter(digLogPath);
            digLog.Write(file, Environment.ProcessId, server.Pid);
        }

        await stop.CancelAsync();
        await playing.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(drivers.Select(d => d.DisposeAsync().AsTask()));

        double? serverCpu = serverBefore is { } sb && serverAfter is { } sa ? sa.CpuSeconds - sb.CpuSeconds : null;
        var harnessCpu = harnessBefore is { } hb && harnessAfter is { } ha ? ha.CpuSeconds - hb.CpuSeconds : 0;
        var digs = metrics.Digs;
        return new PlayResult(
            (options.Relay ? "relay " : string.Empty) + (paced ? "paced" : "full"),
            rooms,
            options.Spectators,
            $"{options.Rows}x{options.Cols}/{options.Gold} {options.Rules}",
            paced ? options.DigInterval.TotalSeconds : 0,
            socketsWanted,
            connected.Count * (2 + options.Spectators),
            Math.Round(setupSeconds, 2),
            Math.Round(options.Warmup.TotalSeconds + turnover.TotalSeconds + jitSettle.TotalSeconds, 1),
            Math.Round(elapsed, 2),
            digs,
            Math.Round(digs / elapsed, 1),
            metrics.GamesFinished,
            metrics.GamesVerified,
            metrics.RoundTrip.Summarise(),
            metrics.Opponent.Summarise(),
            metrics.TimerLag.Summarise(),
            Sorted(metrics.Errors),
            Sorted(metrics.ConnectionFailures),
            Sorted(metrics.Violations),
            metrics.ViolationSamples.ToList(),
            Round(serverCpu),
            Round(serverCpu * 100 / elapsed),
            serverCpu > 0 ? Math.Round(digs / serverCpu.Value, 0) : null,
            serverCpu > 0 && digs > 0 ? Math.Round(serverCpu.Value * 1e6 / digs, 2) : null,
            Round(serverBefore?.RssBytes / 1048576.0),
            Round(serverAfter?.RssBytes / 1048576.0),
            Round(serverAfter?.PeakRssBytes / 1048576.0),
            threadsBefore is { } tb && threadsAfter is { } ta ? ThreadGroups.Between(tb, ta, elapsed, digs) : [],
            Math.Round(harnessCpu, 2),
            Math.Round(harnessCpu * 100 / elapsed, 1),
            harnessCollections,
            digs > 0 ? Math.Round(metrics.BytesReceived / (double)digs, 1) : 0,
            digs > 0 ? Math.Round(metrics.MessagesReceived / (double)digs, 2) : 0,
            load);
    }

    private static SortedDictionary<string, long> Sorted(IDictionary<string, long> counts) => new(counts, StringComparer.Ordinal);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
