using System.Net.WebSockets;
using System.Text;
using GoldMiner.LoadTest.Metrics;

namespace GoldMiner.LoadTest.Clients;

/// <summary>
/// One client connection: a receive loop that hands each whole text message to a handler, and
/// sends serialised through one lock (a WebSocket allows one send at a time).
/// </summary>
public sealed class BotSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly LoadMetrics metrics;
    private byte[] buffer = new byte[4096];
    private volatile bool closing;

    private BotSocket(ClientWebSocket socket, LoadMetrics metrics)
    {
        this.socket = socket;
        this.metrics = metrics;
    }

    /// <summary>Called with each whole message received; must not block.</summary>
    public Action<BotSocket, ReadOnlyMemory<byte>>? OnMessage { get; set; }

    public bool IsOpen => socket.State == WebSocketState.Open && !closing;

    public Task Receiving { get; private set; } = Task.CompletedTask;

    /// <summary>Connects and starts receiving; a failure is counted and returns null.</summary>
    public static async Task<BotSocket?> ConnectAsync(SocketFactory factory, Uri uri, LoadMetrics metrics, CancellationToken cancellation)
    {
        try
        {
            var socket = await factory.ConnectAsync(uri, cancellation);
            var bot = new BotSocket(socket, metrics);
            bot.Receiving = Task.Run(bot.ReceiveLoopAsync, CancellationToken.None);
            return bot;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
        {
            metrics.ConnectionFailed($"connect: {Describe(e)}");
            return null;
        }
    }

    /// <summary>
    /// Opens a socket in each empty slot of <paramref name="slots"/> and hands every message to
    /// <paramref name="onMessage"/>; false (the failure counted) when one could not be opened. A
    /// slot already open is kept, so a later call can finish what a failed one started.
    /// </summary>
    public static async Task<bool> ConnectAllAsync(
        BotSocket?[] slots, SocketFactory factory, Uri uri, LoadMetrics metrics, Action<BotSocket, ReadOnlyMemory<byte>> onMessage, CancellationToken cancellation)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] ??= await ConnectAsync(factory, uri, metrics, cancellation);
            if (slots[i] is not { } socket)
            {
                return false;
            }

            socket.OnMessage = onMessage;
        }

        return true;
    }

    /// <summary>Closes every open socket of <paramref name="slots"/>.</summary>
    public static async ValueTask DisposeAllAsync(BotSocket?[] slots)
    {
        foreach (var socket in slots)
        {
            if (socket is not null)
            {
                await socket.DisposeAsync();
            }
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] message)
    {
        await sending.WaitAsync();
        try
        {
            if (IsOpen)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            if (!closing)
            {
                metrics.ConnectionFailed($"send: {Describe(e)}");
            }
        }
        finally
        {
            sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        closing = true;
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await sending.WaitAsync(patience.Token);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "load test done", patience.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing politely failed; aborting below ends it all the same.
        }

        socket.Abort();
        await Receiving;
        socket.Dispose();
    }

    private static string Describe(Exception e) =>
        (e.InnerException?.Message ?? e.Message) is var message && message.Length > 80 ? message[..80] : message;

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (count == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    received = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                    count += received.Count;
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (!closing)
                    {
                        metrics.ConnectionFailed($"closed by server: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}");
                    }

                    return;
                }

                metrics.Received(count);
                OnMessage?.Invoke(this, buffer.AsMemory(0, count));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            if (!closing)
            {
                metrics.ConnectionFailed($"dropped: {Describe(e)}");
            }
        }
    }
}
