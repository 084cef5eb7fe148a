using System.Buffers;
using System.Net.WebSockets;

namespace GoldMiner.Relay;

/// <summary>Two sockets; whatever either sends, both receive, in the order it was sent.</summary>
public sealed class RelayPair
{
    private const int MaxMessageBytes = 4096;

    private readonly Lock gate = new();
    private readonly Member?[] members = new Member?[2];

    /// <summary>Takes a free place in the pair; false when both are taken.</summary>
    public bool TryJoin(WebSocket socket)
    {
        lock (gate)
        {
            var free = Array.IndexOf(members, null);
            if (free < 0)
            {
                return false;
            }

            members[free] = new Member(socket);
            return true;
        }
    }

    /// <summary>Gives up the socket's place; true when the pair is empty.</summary>
    public bool Leave(WebSocket socket)
    {
        lock (gate)
        {
            for (var i = 0; i < members.Length; i++)
            {
                if (members[i]?.Socket == socket)
                {
                    members[i] = null;
                }
            }

            return members.All(m => m is null);
        }
    }

    /// <summary>
    /// Reads the socket's messages and sends each to both members, until the socket closes. Like
    /// the server, it waits for a frame with an empty buffer and borrows one only to read it.
    /// </summary>
    public async Task RelayFromAsync(WebSocket socket, CancellationToken aborted)
    {
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(Memory<byte>.Empty, aborted);
                if (received.MessageType != WebSocketMessageType.Text)
                {
                    return;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
                try
                {
                    var count = 0;
                    while (!received.EndOfMessage && count < MaxMessageBytes)
                    {
                        received = await socket.ReceiveAsync(buffer.AsMemory(count), aborted);
                        count += received.Count;
                    }

                    Member?[] audience;
                    lock (gate)
                    {
                        audience = [.. members];
                    }

                    foreach (var member in audience)
                    {
                        if (member is not null)
                        {
                            await member.SendAsync(buffer.AsMemory(0, count));
                        }
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer went away or the relay is stopping.
        }
    }

    /// <summary>One socket of the pair; both members' receive loops send to it, one at a time.</summary>
    private sealed class Member(WebSocket socket)
    {
        private readonly SemaphoreSlim sending = new(1, 1);

        public WebSocket Socket { get; } = socket;

        public async ValueTask SendAsync(ReadOnlyMemory<byte> message)
        {
            await sending.WaitAsync();
            try
            {
                await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
            {
                // That member is gone; its own receive loop ends it.
            }
            finally
            {
                sending.Release();
            }
        }
    }
}
