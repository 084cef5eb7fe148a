using System.Text;
using System.Text.Json;
using GoldMiner.LoadTest.Clients;
using GoldMiner.LoadTest.Metrics;

namespace GoldMiner.LoadTest.Hold;

/// <summary>
/// Opens idle sockets the way people leave them: two players seated in a game, nobody digging.
/// Keeps them alive (the receive loop answers the server's pings; an application ping each
/// interval) and can prove they are alive: every socket must answer a ping.
/// </summary>
public sealed class HoldClient(Uri baseAddress, int sockets, int concurrency, LoadMetrics metrics) : IAsyncDisposable
{
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("""{"type":"ping"}""");

    private readonly BotSocket?[] members = new BotSocket?[sockets];
    private readonly int[] joined = new int[sockets];
    private readonly int[] ponged = new int[sockets];
    private readonly SocketFactory factory = new();
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 32, UseProxy = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private Uri SocketUri => new UriBuilder(baseAddress) { Scheme = "ws", Path = "/ws" }.Uri;

    public int Connected => members.Count(m => m is { IsOpen: true });

    public int Joined => joined.Sum();

    /// <summary>Opens every socket and seats it, a room per pair; failures are counted, not retried.</summary>
    public async Task ConnectAsync(CancellationToken cancellation)
    {
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, (sockets + 1) / 2).Select(async pair =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                var room = await CreateRoomAsync(cancellation);
                if (room is null)
                {
                    return;
                }

                for (var i = pair * 2; i < Math.Min(sockets, (pair * 2) + 2); i++)
                {
                    var index = i;
                    var member = await BotSocket.ConnectAsync(factory, SocketUri, metrics, cancellation);
                    if (member is null)
                    {
                        continue;
                    }

                    member.OnMessage = (_, bytes) => Handle(index, bytes);
                    members[index] = member;
                    await member.SendAsync($$"""{"type":"join","room":"{{room}}","name":"idle{{index}}"}""");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Holds until <paramref name="stop"/>, sending each socket an application ping every interval, spread out.</summary>
    public async Task HoldAsync(TimeSpan pingInterval, CancellationToken stop)
    {
        var pause = pingInterval / Math.Max(1, sockets);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var started = DateTime.UtcNow;
                for (var i = 0; i < sockets && !stop.IsCancellationRequested; i++)
                {
                    if (members[i] is { IsOpen: true } member)
                    {
                        _ = member.SendAsync(Ping);
                    }

                    var due = started + (pause * (i + 1));
                    if (due > DateTime.UtcNow.AddMilliseconds(20))
                    {
                        await Task.Delay(due - DateTime.UtcNow, stop);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The hold is over: that is how it ends.
        }
    }

    /// <summary>Pings every socket and counts those that answer within <paramref name="patience"/>.</summary>
    public async Task<int> CountAliveAsync(TimeSpan patience)
    {
        Array.Clear(ponged);
        await Task.WhenAll(members.Where(m => m is { IsOpen: true }).Select(m => m!.SendAsync(Ping)));
        var deadline = DateTime.UtcNow + patience;
        var expected = Connected;
        while (ponged.Sum() < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return ponged.Sum();
    }

    public async ValueTask DisposeAsync()
    {
        using var gate = new SemaphoreSlim(256);
        await Task.WhenAll(members.Where(m => m is not null).Select(async m =>
        {
            await gate.WaitAsync();
            try
            {
                await m!.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        factory.Dispose();
        http.Dispose();
    }

    private async Task<string?> CreateRoomAsync(CancellationToken cancellation)
    {
        try
        {
            using var body = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/rooms", body, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                metrics.Error($"http{(int)response.StatusCode}");
                return null;
            }

            using var summary = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellation));
            return summary.RootElement.GetProperty("id").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            metrics.ConnectionFailed($"http: {e.Message}");
            return null;
        }
    }

    private void Handle(int index, ReadOnlyMemory<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        switch (document.RootElement.GetProperty("type").GetString())
        {
            case "welcome":
                Volatile.Write(ref joined[index], 1);
                break;
            case "pong":
                Volatile.Write(ref ponged[index], 1);
                break;
            case "error":
                metrics.Error(document.RootElement.GetProperty("code").GetString() ?? "?");
                break;
        }
    }
}
