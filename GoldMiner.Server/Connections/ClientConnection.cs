using System.Buffers;
using System.Net.WebSockets;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Rooms;

namespace GoldMiner.Server.Connections;

/// <summary>
/// One client's WebSocket. Whoever sends to an idle connection writes the frame at once, on its own
/// thread; a message that arrives while a write is still in flight waits in a bounded backlog that
/// the writer drains, in order. A client that stops reading fills the backlog and is dropped instead
/// of growing memory or stalling the room.
/// </summary>
/// <remarks>
/// Writing on the caller's thread instead of through a queue and a send loop saves a thread hand-off
/// per message, and keeps each message off the heap objects that live as long as the connection: a
/// young message referenced from an old queue is what every gen-0 collection has to look at, once
/// per busy connection (see docs/performance.md, round 5). Unless the socket's send lock is taken
/// (below), a frame is copied into the transport's buffer before <see cref="WebSocket.SendAsync(ReadOnlyMemory{byte}, WebSocketMessageType, bool, CancellationToken)"/>
/// returns, so the write itself does not wait for the network unless that buffer is full.
/// <para>
/// A connection sends its own copy of each message, in a buffer rented from the shared pool and
/// returned once its send has completed. The WebSocket copies the frame when it starts writing,
/// which is usually before SendAsync returns but not always (its own keep-alive ping may hold the
/// socket's send lock), so the caller's buffer could not be given back any sooner; with a copy
/// the caller may reuse its buffer as soon as <see cref="Send(ReadOnlySpan{byte})"/> returns,
/// which lets a room's events live in pooled buffers too (docs/performance.md, round 10).
/// </para>
/// </remarks>
public sealed class ClientConnection : IDisposable
{
    private readonly WebSocket socket;
    private readonly int backlogLimit;
    private readonly TimeSpan closeTimeout;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Under gate: whether some thread is writing to the socket (at most one is), and what waits for it.
    private bool writing;
    private Queue<ArraySegment<byte>>? backlog;
    private volatile bool closing;
    private bool aborted;
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private string closeDescription = string.Empty;
    private CancellationTokenSource? closeDeadline;

    public ClientConnection(string id, WebSocket socket, int queueLength, TimeSpan closeTimeout, ILogger logger)
    {
        Id = id;
        this.socket = socket;
        backlogLimit = queueLength;
        this.closeTimeout = closeTimeout;
        this.logger = logger;
        Alone = [this];
    }

    public string Id { get; }

    /// <summary>
    /// This connection as a room's whole audience: made once, with the connection, so it is as old
    /// as the connection. Shared by every room that hands it out, so never written to.
    /// </summary>
    internal ClientConnection[] Alone { get; }

    /// <summary>The room this connection has joined, if any. Written only under that room's lock.</summary>
    public Room? Room { get; set; }

    /// <summary>The seat held in <see cref="Room"/>, or null for a spectator. Written only under the room's lock.</summary>
    public int? Seat { get; set; }

    /// <summary>True once a close or abort has begun: nothing more will be sent.</summary>
    public bool IsClosing => closing;

    /// <summary>Completes once the connection has sent its last frame (the close frame), or was aborted.</summary>
    public Task Finished => finished.Task;

    /// <summary>
    /// Sends a copy of <paramref name="message"/> without waiting for the network: the caller may reuse
    /// its buffer once this returns. A full backlog means the client stopped reading: drop it.
    /// </summary>
    public void Send(ReadOnlySpan<byte> message)
    {
        var copy = ArrayPool<byte>.Shared.Rent(message.Length);
        message.CopyTo(copy);
        var frame = new ArraySegment<byte>(copy, 0, message.Length);
        bool full;
        lock (gate)
        {
            if (closing)
            {
                ArrayPool<byte>.Shared.Return(copy);
                return;
            }

            if (!writing)
            {
                writing = true;
                full = false;
            }
            else
            {
                backlog ??= new Queue<ArraySegment<byte>>();
                full = backlog.Count >= backlogLimit;
                if (!full)
                {
                    backlog.Enqueue(frame);
                    return;
                }
            }
        }

        if (full)
        {
            ArrayPool<byte>.Shared.Return(copy);
            Log.SlowConnectionDropped(logger, Id);
            Abort();
            return;
        }

        Write(frame);
    }

    public void Send(ServerMessage message) => Send(WireJson.SerializeToUtf8(message));

    /// <summary>
    /// Sends what is queued, then a close frame with <paramref name="status"/>. If the closing
    /// handshake has not finished within the close timeout, the socket is aborted.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        bool idle;
        lock (gate)
        {
            if (closing)
            {
                return;
            }

            closing = true;
            closeStatus = status;
            closeDescription = description;
            closeDeadline = new CancellationTokenSource(closeTimeout);
            closeDeadline.Token.Register(socket.Abort);
            idle = !writing;
            writing = true;
        }

        if (idle)
        {
            _ = SendCloseAsync();
        }
    }

    /// <summary>Drops the connection at once: pending sends and receives end with an error.</summary>
    public void Abort()
    {
        bool idle;
        lock (gate)
        {
            closing = true;
            aborted = true;
            backlog?.Clear();
            idle = !writing;
            writing = true;
        }

        socket.Abort();
        if (idle)
        {
            finished.TrySetResult();
        }
    }

    /// <summary>Releases the close timer once the connection is over.</summary>
    public void Dispose() => closeDeadline?.Dispose();

    /// <summary>
    /// The writer: sends <paramref name="frame"/>, then whatever queued behind it, until the backlog
    /// is empty or a send has to wait for the network (then the rest continues when it completes).
    /// Each frame's buffer goes back to the pool once its send has completed; after a failed send
    /// it is left to the collector, since the socket may still hold it. Only the thread that set
    /// <see cref="writing"/> runs this.
    /// </summary>
    private void Write(ArraySegment<byte> frame)
    {
        while (true)
        {
            try
            {
                var sent = socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                if (!sent.IsCompleted)
                {
                    _ = WriteAfterAsync(sent, frame);
                    return;
                }

                sent.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }

            ArrayPool<byte>.Shared.Return(frame.Array!);
            if (!TakeNext(out frame))
            {
                return;
            }
        }
    }

    private async Task WriteAfterAsync(ValueTask sent, ArraySegment<byte> frame)
    {
        try
        {
            await sent;
        }
        catch (Exception e)
        {
            Fail(e);
            return;
        }

        ArrayPool<byte>.Shared.Return(frame.Array!);
        if (TakeNext(out var next))
        {
            Write(next);
        }
    }

    /// <summary>The writer's next message, if any; otherwise the writer stops, sending the close frame first if one is due.</summary>
    private bool TakeNext(out ArraySegment<byte> message)
    {
        bool closeDue, wasAborted;
        lock (gate)
        {
            if (!aborted && backlog is { Count: > 0 })
            {
                message = backlog.Dequeue();
                return true;
            }

            // A closing connection keeps the writer's flag: nothing may be written after the close frame.
            writing = closing;
            wasAborted = aborted;
            closeDue = closing && !aborted;
        }

        if (closeDue)
        {
            _ = SendCloseAsync();
        }
        else if (wasAborted)
        {
            finished.TrySetResult();
        }

        message = default;
        return false;
    }

    private async Task SendCloseAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(closeStatus, closeDescription, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            LogIfUnexpected(e);
            socket.Abort();
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    /// <summary>The writer's send failed: the connection is over, and the writer (the caller) is the one to say so.</summary>
    private void Fail(Exception e)
    {
        LogIfUnexpected(e);
        Abort();
        finished.TrySetResult();
    }

    /// <summary>The ways a peer goes away are normal; anything else is worth a look, though it still ends only this connection.</summary>
    private void LogIfUnexpected(Exception e)
    {
        if (e is not (WebSocketException or OperationCanceledException or ObjectDisposedException or IOException))
        {
            Log.SendFailed(logger, Id, e);
        }
    }
}
