using System.Net.WebSockets;
using System.Threading.Channels;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Rooms;

namespace GoldMiner.Server.Connections;

/// <summary>
/// One client's WebSocket. Every write goes through one bounded outbox drained by one send loop, so
/// a room can push to it without waiting; a client that stops reading fills its outbox and is
/// dropped instead of growing memory or stalling the room.
/// </summary>
public sealed class ClientConnection : IDisposable
{
    private readonly WebSocket socket;
    private readonly Channel<byte[]> outbox;
    private readonly TimeSpan closeTimeout;
    private readonly ILogger logger;
    private int closing;
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private string closeDescription = string.Empty;
    private CancellationTokenSource? closeDeadline;

    public ClientConnection(string id, WebSocket socket, int queueLength, TimeSpan closeTimeout, ILogger logger)
    {
        Id = id;
        this.socket = socket;
        this.closeTimeout = closeTimeout;
        this.logger = logger;
        outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(queueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Id { get; }

    /// <summary>The room this connection has joined, if any. Written only under that room's lock.</summary>
    public Room? Room { get; set; }

    /// <summary>The seat held in <see cref="Room"/>, or null for a spectator. Written only under the room's lock.</summary>
    public int? Seat { get; set; }

    /// <summary>True once a close or abort has begun: nothing more will be sent.</summary>
    public bool IsClosing => Volatile.Read(ref closing) != 0;

    /// <summary>Queues a message without waiting. A full outbox means the client stopped reading: drop it.</summary>
    public void Send(byte[] message)
    {
        if (outbox.Writer.TryWrite(message) || IsClosing)
        {
            return;
        }

        Log.SlowConnectionDropped(logger, Id);
        Abort();
    }

    public void Send(ServerMessage message) => Send(WireJson.SerializeToUtf8(message));

    /// <summary>
    /// Sends what is queued, then a close frame with <paramref name="status"/>. If the closing
    /// handshake has not finished within the close timeout, the socket is aborted.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref closing, 1) != 0)
        {
            return;
        }

        closeStatus = status;
        closeDescription = description;
        closeDeadline = new CancellationTokenSource(closeTimeout);
        closeDeadline.Token.Register(socket.Abort);
        outbox.Writer.TryComplete();
    }

    /// <summary>Drops the connection at once: pending sends and receives end with an error.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref closing, 1);
        outbox.Writer.TryComplete();
        socket.Abort();
    }

    /// <summary>The single writer: runs until the outbox is completed by a close or an abort.</summary>
    public async Task RunSendLoopAsync()
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync())
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(closeStatus, closeDescription, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer vanished or the socket was aborted: there is nobody left to write to.
            socket.Abort();
        }
    }

    /// <summary>Releases the close timer once the connection is over.</summary>
    public void Dispose() => closeDeadline?.Dispose();
}
