using System.Buffers;
using System.Net.WebSockets;
using FluentAssertions;
using GoldMiner.Server.Connections;
using GoldMiner.Tests.Server.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GoldMiner.Tests.Server;

/// <summary>
/// A connection sends its own copy of every message, from a pooled buffer it gives back only once
/// that send has completed: so rooms may reuse their event buffers at once (docs/performance.md,
/// round 10). These hold sends in flight, the case a quiet test server never shows.
/// </summary>
public sealed class ClientConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_send_waiting_for_the_socket_keeps_its_own_copy_of_the_message()
    {
        var transport = new HeldTransport();
        using var socket = WebSocket.CreateFromStream(transport, isServer: true, subProtocol: null, keepAliveInterval: System.Threading.Timeout.InfiniteTimeSpan);
        var connection = new ClientConnection("c1", socket, queueLength: 16, Timeout, NullLogger.Instance);

        // Someone else's frame holds the socket's send lock (as the WebSocket's own keep-alive ping
        // can), so the connection's send waits for the lock, and copies the message only then.
        var other = socket.SendAsync("""{"n":"other"}"""u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        connection.Send("""{"n":0}"""u8);
        connection.Send("""{"n":1}"""u8);
        connection.Send("""{"n":2}"""u8);
        ScribbleOnPooledBuffers();

        transport.Release();
        await other;

        (await transport.TextFramesAsync(4, Timeout)).Should().Equal("""{"n":"other"}""", """{"n":0}""", """{"n":1}""", """{"n":2}""");
    }

    // Rents what this thread's pool would hand out next for a short message and overwrites it: a
    // buffer returned before its send completed would be scribbled on here.
    private static void ScribbleOnPooledBuffers()
    {
        var rented = Enumerable.Range(0, 8).Select(_ => ArrayPool<byte>.Shared.Rent(16)).ToList();
        foreach (var array in rented)
        {
            array.AsSpan().Fill((byte)'x');
        }

        foreach (var array in rented)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
