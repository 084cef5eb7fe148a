using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// A real WebSocket client for tests. Every message received is kept in order; tests wait for the
/// message they expect (with a timeout), never for a fixed time.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket;
    private readonly Channel<JObject> inbox = Channel.CreateUnbounded<JObject>();
    private readonly List<JObject> received = [];
    private readonly Task receiving;

    private TestClient(ClientWebSocket socket)
    {
        this.socket = socket;
        receiving = ReceiveAsync();
    }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<JObject> Received
    {
        get
        {
            lock (received)
            {
                return received.ToList();
            }
        }
    }

    /// <summary>The close status the server sent, once the socket has closed.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public string? Token { get; private set; }

    public int? Seat { get; private set; }

    public static async Task<TestClient> ConnectAsync(Uri address)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(address, timeout.Token);
        return new TestClient(socket);
    }

    public Task SendAsync(object message) => SendTextAsync(JsonConvert.SerializeObject(message));

    public Task SendTextAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message, whatever it is.</summary>
    public async Task<JObject> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await inbox.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message within {Patience}. Received so far: {string.Join(", ", Received)}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The socket closed ({CloseStatus}) before the next message.");
        }
    }

    /// <summary>Skips messages until one of <paramref name="type"/> arrives.</summary>
    public Task<JObject> WaitForAsync(string type) => WaitForAsync(m => m.Value<string>("type") == type);

    /// <summary>Skips messages until one that matches arrives.</summary>
    public async Task<JObject> WaitForAsync(Func<JObject, bool> match)
    {
        while (true)
        {
            var message = await NextAsync();
            if (match(message))
            {
                return message;
            }
        }
    }

    /// <summary>The room events received so far (messages with a seq), in order.</summary>
    public IReadOnlyList<JObject> Events => Received.Where(m => m["seq"] is not null && m.Value<string>("type") != "welcome").ToList();

    /// <summary>The next message, which must be an error; returns its code.</summary>
    public async Task<string> ExpectErrorAsync()
    {
        var message = await NextAsync();
        message.Value<string>("type").Should().Be("error", $"expected an error but got {message}");
        return message.Value<string>("code")!;
    }

    /// <summary>Joins a seat (or watches) and returns the welcome; remembers seat and token.</summary>
    public async Task<JObject> JoinAsync(string room, string name = "player", string? token = null, bool spectate = false)
    {
        await SendAsync(new { type = "join", room, name, token, spectate });
        var welcome = await NextAsync();
        welcome.Value<string>("type").Should().Be("welcome", $"join should be welcomed, got {welcome}");
        Seat = welcome.Value<int?>("seat");
        Token = welcome.Value<string?>("token");
        return welcome;
    }

    public Task DigAsync(int row, int col) => SendAsync(new { type = "dig", row, col });

    /// <summary>Waits for the server to close the socket and returns the status it gave.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync()
    {
        await receiving.WaitAsync(Patience);
        return CloseStatus;
    }

    /// <summary>Drops the TCP connection without a closing handshake, like a phone losing signal.</summary>
    public void Drop() => socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(Patience);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing more to do.
            }
        }

        socket.Abort();
        await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = socket.CloseStatus;
                    return;
                }

                var message = JObject.Parse(Encoding.UTF8.GetString(buffer, 0, length));
                lock (received)
                {
                    received.Add(message);
                }

                inbox.Writer.TryWrite(message);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Aborted by the test or the server: the inbox closes below.
        }
        finally
        {
            inbox.Writer.TryComplete();
        }
    }
}
