using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using GoldMiner.Tests.Server.Support;

namespace GoldMiner.Tests.Server;

/// <summary>
/// A client that stops reading costs the server a bounded backlog and nobody else anything: once
/// the backlog is full the server drops it, and the game it was watching plays on.
/// </summary>
public sealed class SlowClientTests : IAsyncLifetime
{
    private const int Backlog = 8;

    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        ["GoldMiner:Limits:OutgoingQueueLength"] = $"{Backlog}",

        // The silent reader asks for its own replies as fast as it can: the rate limit must not end it first.
        ["GoldMiner:Limits:MessagesPerSecond"] = "1000000",
        ["GoldMiner:Limits:MessageBurst"] = "1000000",
    });

    private StartedGame game = null!;

    public async Task InitializeAsync() => game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);

    public async Task DisposeAsync()
    {
        await game.DisposeAsync();
        server.Dispose();
    }

    [Fact]
    public async Task SpectatorThatNeverReads_IsDroppedOnceItsBacklogIsFull_AndTheGamePlaysOn()
    {
        using var silent = await ConnectWithTinyReceiveBufferAsync();
        await SendAsync(silent, $$"""{"type":"join","room":"{{game.Room}}","spectate":true}""");

        // Every ping is answered with a pong the client never reads: the kernel's buffers, then
        // Kestrel's, then the connection's backlog fill up, and the server has to let go. Far more
        // pings than all of those hold; the server ends the connection long before the last.
        var flood = async () =>
        {
            for (var i = 0; i < 2_000_000; i++)
            {
                await SendAsync(silent, """{"type":"ping"}""");
            }
        };

        await flood.Should().ThrowAsync<WebSocketException>("the server dropped the connection").WaitAsync(TimeSpan.FromSeconds(60));
        await game.DigsOnAsIfNothingHappenedAsync();
        game.Errors.Should().BeEmpty();
    }

    /// <summary>A WebSocket whose TCP receive buffer is as small as the OS allows, so it stops taking data soon.</summary>
    private async Task<ClientWebSocket> ConnectWithTinyReceiveBufferAsync()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new ClientWebSocket();
        await client.ConnectAsync(server.SocketAddress, new HttpMessageInvoker(handler), CancellationToken.None);
        return client;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
