using System.Buffers;
using System.Net.WebSockets;
using System.Threading.RateLimiting;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Protocol;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Connections;

/// <summary>
/// The life of one WebSocket on /ws: accept, then read messages until the peer closes, the server
/// closes it, or it breaks; finally leave the room (holding the seat) and release everything.
/// </summary>
public sealed class ConnectionHandler(
    ConnectionRegistry connections,
    MessageDispatcher dispatcher,
    IOptions<GoldMinerOptions> options,
    ILogger<ConnectionHandler> logger)
{
    private static readonly byte[] RateLimited = WireJson.SerializeToUtf8(
        new ErrorMessage(ErrorCodes.RateLimited, "Too many messages; slow down."));

    private long nextId;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem(title: "This endpoint speaks WebSocket only.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!connections.TryReserve())
        {
            return Results.Problem(title: "The server is not taking more connections right now.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var limits = options.Value.Limits;
        WebSocket accepted;
        try
        {
            accepted = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            connections.Release();
            throw;
        }

        using var socket = accepted;
        using var connection = new ClientConnection(
            $"c{Interlocked.Increment(ref nextId)}",
            socket,
            limits.OutgoingQueueLength,
            TimeSpan.FromSeconds(options.Value.CloseTimeoutSeconds),
            logger);
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.MessageBurst,
            TokensPerPeriod = limits.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,

            // Refilled from the elapsed time when a message arrives (TryReplenish below), instead
            // of by a timer per connection: 20,000 idle sockets must not mean 20,000 timer ticks a second.
            AutoReplenishment = false,
        });

        connections.Add(connection);
        Log.ConnectionOpened(logger, connection.Id, context.Connection.RemoteIpAddress?.ToString());
        try
        {
            await ReceiveLoopAsync(connection, socket, limiter, context.RequestAborted);
        }
        catch (WebSocketException e) when (e.WebSocketErrorCode == WebSocketError.Faulted && !connection.IsClosing)
        {
            // The framework failed the connection itself (a text frame that is not UTF-8: 1007; a broken
            // frame: 1002): it sent the close frame and aborted the socket. Returning now resets the TCP
            // connection, and a reset can discard that close frame before the peer has read it, so the
            // peer would never learn why. Hold the connection until the peer hangs up, or the close timeout.
            Log.ConnectionFailedByFramework(logger, connection.Id, e.Message);

            // Before the wait, not in finally after it: the opponent learns of it at once.
            connection.Room?.Disconnect(connection);
            await Task.Delay(TimeSpan.FromSeconds(options.Value.CloseTimeoutSeconds), context.RequestAborted)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer vanished, the socket was aborted, or the server is stopping: all normal ends.
            Log.ConnectionLost(logger, connection.Id, e.Message);
        }
        finally
        {
            connection.Room?.Disconnect(connection);
            connection.Close(WebSocketCloseStatus.NormalClosure, string.Empty);
            await connection.Finished;
            connections.Remove(connection);
            Log.ConnectionClosed(logger, connection.Id);
        }

        return Results.Empty;
    }

    private async Task ReceiveLoopAsync(ClientConnection connection, WebSocket socket, ReplenishingRateLimiter limiter, CancellationToken aborted)
    {
        var maxBytes = options.Value.Limits.MaxMessageBytes;
        var strikes = 0;
        while (true)
        {
            // Wait for the next frame with an empty buffer, so an idle socket holds no receive memory;
            // a buffer is borrowed only while a message is being read and handled.
            var received = await socket.ReceiveAsync(Memory<byte>.Empty, aborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (received.MessageType == WebSocketMessageType.Binary)
            {
                await CloseForAbuseAsync(connection, socket, WebSocketCloseStatus.InvalidMessageType, "text frames only", aborted);
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
            try
            {
                var count = 0;
                while (!received.EndOfMessage)
                {
                    // Checked while reading: an oversized message is never buffered beyond the limit.
                    if (count == maxBytes)
                    {
                        await CloseForAbuseAsync(connection, socket, WebSocketCloseStatus.MessageTooBig, $"messages are limited to {maxBytes} bytes", aborted);
                        return;
                    }

                    received = await socket.ReceiveAsync(buffer.AsMemory(count, maxBytes - count), aborted);
                    count += received.Count;
                }

                limiter.TryReplenish();
                using var lease = limiter.AttemptAcquire();
                if (lease.IsAcquired)
                {
                    strikes = 0;
                    dispatcher.Handle(connection, buffer.AsMemory(0, count));
                }
                else if (++strikes >= options.Value.Limits.RateLimitStrikes)
                {
                    await CloseForAbuseAsync(connection, socket, WebSocketCloseStatus.PolicyViolation, "too many messages", aborted);
                    return;
                }
                else
                {
                    connection.Send(RateLimited);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Sends a close frame, then reads (and ignores) whatever comes until the peer's close arrives.</summary>
    private async Task CloseForAbuseAsync(ClientConnection connection, WebSocket socket, WebSocketCloseStatus status, string reason, CancellationToken aborted)
    {
        Log.ConnectionClosedForAbuse(logger, connection.Id, status, reason);
        connection.Room?.Disconnect(connection);
        connection.Close(status, reason);
        var sink = new byte[1024];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var received = await socket.ReceiveAsync(sink.AsMemory(), aborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }
}
