using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GoldMiner.LoadTest.Cli;
using GoldMiner.LoadTest.Metrics;
using GoldMiner.LoadTest.Report;
using GoldMiner.LoadTest.Target;

namespace GoldMiner.LoadTest.Hold;

/// <summary>
/// A hold run: note the idle server's memory, have P worker processes open K sockets between them,
/// hold them for the duration while watching the server, note its memory again, then prove every
/// socket still answers. Memory per socket is the difference over the sockets held.
/// </summary>
public static class HoldRunner
{
    public static async Task<HoldResult> RunAsync(LoadOptions options, ServerUnderTest server, CancellationToken cancellation)
    {
        // Let the freshly started server settle before calling its memory "idle".
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
        var idle = server.Sample();
        var setup = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.ClientProcesses)
            .Select(i => StartWorker(options, server, (options.Sockets / options.ClientProcesses) + (i < options.Sockets % options.ClientProcesses ? 1 : 0)))
            .ToList();
        try
        {
            var ready = Task.WhenAll(workers.Select(w => ExpectAsync(w, "READY")));
            await LiveStatus.ShowWhileAsync($"hold {options.Sockets} sockets: connecting", ready, () => Watch(server));
            var joined = (await ready).Sum();
            var setupSeconds = setup.Elapsed.TotalSeconds;

            var before = server.Sample();
            var held = Stopwatch.StartNew();
            await LiveStatus.ShowWhileAsync($"hold {joined} sockets", Task.Delay(options.Duration, cancellation), () => Watch(server));
            var during = server.Sample(countFiles: true);
            var holdSeconds = held.Elapsed.TotalSeconds;
            var load = LoadAverage.Now();

            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("check");
            }

            var alive = (await Task.WhenAll(workers.Select(w => ExpectAsync(w, "ALIVE")))).Sum();
            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("exit");
            }

            var results = await Task.WhenAll(workers.Select(ReadResultAsync));
            double? kilobytes = idle is { } i && during is { } d && joined > 0 ? Math.Round((d.RssBytes - i.RssBytes) / 1024.0 / joined, 2) : null;
            return new HoldResult(
                options.Sockets,
                results.Sum(r => r.Connected),
                alive,
                options.ClientProcesses,
                Math.Round(setupSeconds, 1),
                Math.Round(holdSeconds, 1),
                Merge(results.Select(r => r.ConnectionFailures)),
                Merge(results.Select(r => r.Errors)),
                Mb(idle?.RssBytes),
                Mb(during?.RssBytes),
                Mb(during?.PeakRssBytes),
                kilobytes,
                before is { } b && during is { } e ? Math.Round(100 * (e.CpuSeconds - b.CpuSeconds) / holdSeconds, 2) : null,
                during?.OpenFiles,
                Math.Round(results.Sum(r => r.CpuSeconds) + (ProcessSample.Read(Environment.ProcessId)?.CpuSeconds ?? 0), 2),
                load);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.WaitForExit(TimeSpan.FromSeconds(30)))
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }
        }
    }

    private static IReadOnlyList<(string Name, string Value)> Watch(ServerUnderTest server)
    {
        var sample = server.Sample(countFiles: true);
        return
        [
            ("server fds", sample?.OpenFiles.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("server rss", sample is { } s ? $"{s.RssBytes / 1048576.0:0} MB" : "-"),
            ("server threads", sample?.Threads.ToString(CultureInfo.InvariantCulture) ?? "-"),
        ];
    }

    private static Process StartWorker(LoadOptions options, ServerUnderTest server, int sockets)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HoldRunner).Assembly.Location);
        }

        foreach (var argument in new[]
        {
            "hold", "--worker", "--url", server.BaseAddress.ToString(), "--sockets", sockets.ToString(CultureInfo.InvariantCulture),
            "--duration", $"{options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
            "--ping-interval", $"{options.PingInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
            "--setup-concurrency", options.SetupConcurrency.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("A hold worker did not start.");
    }

    private static async Task<int> ExpectAsync(Process worker, string word)
    {
        while (await worker.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return int.Parse(line[(word.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"A hold worker ended before saying {word}.");
    }

    private static async Task<HoldWorker.WorkerResult> ReadResultAsync(Process worker)
    {
        while (await worker.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<HoldWorker.WorkerResult>(line["RESULT ".Length..])!;
            }
        }

        throw new InvalidOperationException("A hold worker ended without its result.");
    }

    private static SortedDictionary<string, long> Merge(IEnumerable<Dictionary<string, long>> parts)
    {
        var merged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in parts.SelectMany(p => p))
        {
            merged[key] = merged.GetValueOrDefault(key) + value;
        }

        return merged;
    }

    private static double? Mb(long? bytes) => bytes is { } b ? Math.Round(b / 1048576.0, 1) : null;
}
