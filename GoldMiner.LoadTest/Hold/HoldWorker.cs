using System.Globalization;
using System.Text.Json;
using GoldMiner.LoadTest.Cli;
using GoldMiner.LoadTest.Metrics;
using GoldMiner.LoadTest.Target;

namespace GoldMiner.LoadTest.Hold;

/// <summary>
/// A child process of a hold run: one process may have only so many descriptors open (20,000 on
/// this machine, and the hard limit cannot be raised here), so K sockets are spread over P workers.
/// It talks to its parent in lines: it prints READY n; on "check" it prints ALIVE n; on "exit" (or
/// when its stdin closes, or after its own deadline) it closes everything and prints RESULT {json}.
/// </summary>
public static class HoldWorker
{
    public sealed record WorkerResult(int Connected, int Alive, double CpuSeconds, Dictionary<string, long> ConnectionFailures, Dictionary<string, long> Errors);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var metrics = new LoadMetrics();
        var deadline = options.Warmup + options.Duration + TimeSpan.FromMinutes(10);
        using var expiry = new CancellationTokenSource(deadline);
        await using var client = new HoldClient(options.Url!, options.Sockets, options.SetupConcurrency, metrics);
        await client.ConnectAsync(expiry.Token);
        await WaitForJoinsAsync(client, TimeSpan.FromSeconds(30));
        Console.WriteLine($"READY {client.Joined.ToString(CultureInfo.InvariantCulture)}");

        using var holding = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token);
        var hold = client.HoldAsync(options.PingInterval, holding.Token);
        var alive = 0;
        while (await ReadLineAsync(expiry.Token) is { } command)
        {
            if (command == "check")
            {
                alive = await client.CountAliveAsync(TimeSpan.FromSeconds(15));
                Console.WriteLine($"ALIVE {alive.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (command == "exit")
            {
                break;
            }
        }

        var connected = client.Connected;
        await holding.CancelAsync();
        await hold;
        var cpu = ProcessSample.Read(Environment.ProcessId)?.CpuSeconds ?? 0;
        var result = new WorkerResult(connected, alive, cpu, new(metrics.ConnectionFailures), new(metrics.Errors));
        Console.WriteLine($"RESULT {JsonSerializer.Serialize(result)}");
        return 0;
    }

    public static async Task WaitForJoinsAsync(HoldClient client, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (client.Joined < client.Connected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<string?> ReadLineAsync(CancellationToken cancellation)
    {
        try
        {
            return await Console.In.ReadLineAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
