using System.Collections.Concurrent;
using System.Net.WebSockets;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Connections;

/// <summary>Every open WebSocket: for the connection cap, and to close them all on shutdown.</summary>
public sealed class ConnectionRegistry(IOptions<GoldMinerOptions> options, ILogger<ConnectionRegistry> logger)
{
    private readonly ConcurrentDictionary<ClientConnection, byte> connections = new();
    private int count;
    private volatile bool stopping;

    public int Count => Volatile.Read(ref count);

    public bool IsFull => Count >= options.Value.Limits.MaxConnections;

    /// <summary>Reserves a place for a new connection; false when full or shutting down.</summary>
    public bool TryReserve()
    {
        if (stopping)
        {
            return false;
        }

        if (Interlocked.Increment(ref count) <= options.Value.Limits.MaxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref count);
        Log.ConnectionLimitReached(logger, Count);
        return false;
    }

    /// <summary>Gives back a place taken by <see cref="TryReserve"/> that was never used.</summary>
    public void Release() => Interlocked.Decrement(ref count);

    public void Add(ClientConnection connection)
    {
        connections[connection] = 0;

        // A shutdown that began while this socket was being accepted must still close it.
        if (stopping)
        {
            connection.Close(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }
    }

    public void Remove(ClientConnection connection)
    {
        if (connections.TryRemove(connection, out _))
        {
            Release();
        }
    }

    /// <summary>Refuses new connections and closes every open one with 1001 (going away).</summary>
    public void CloseAll()
    {
        stopping = true;
        Log.ClosingAllConnections(logger, connections.Count);
        foreach (var connection in connections.Keys)
        {
            connection.Close(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }
    }
}
