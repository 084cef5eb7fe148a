using System.Collections.Concurrent;
using System.Net.WebSockets;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Connections;

/// <summary>Every open WebSocket: for the connection cap, and to close them all on shutdown.</summary>
public sealed class ConnectionRegistry
{
    /// <summary>
    /// Descriptors kept for everything that is not a client socket. The runtime holds every loaded
    /// assembly open (about 230 when idle, 260 after a game, measured) and loads some lazily, on a
    /// first message; then come the listener, the database and its WAL.
    /// </summary>
    private const int ReservedFiles = 512;

    private readonly ConcurrentDictionary<ClientConnection, byte> connections = new();
    private readonly ILogger<ConnectionRegistry> logger;
    private int count;
    private volatile bool stopping;

    public ConnectionRegistry(IOptions<GoldMinerOptions> options, ILogger<ConnectionRegistry> logger)
    {
        this.logger = logger;
        MaxConnections = options.Value.Limits.MaxConnections;

        // Each socket is a file: running out of descriptors takes the whole process down with every
        // game in it, so the cap never goes past what the OS allows, whatever was configured.
        if (OpenFileLimit.Read() is { } files && files - ReservedFiles < MaxConnections)
        {
            MaxConnections = (int)Math.Max(1, files - ReservedFiles);
            Log.ConnectionCapLowered(logger, options.Value.Limits.MaxConnections, MaxConnections, files);
        }
    }

    /// <summary>The connection cap in force: the configured one, or lower where the open-file limit demands.</summary>
    public int MaxConnections { get; }

    public int Count => Volatile.Read(ref count);

    public bool IsFull => Count >= MaxConnections;

    /// <summary>Reserves a place for a new connection; false when full or shutting down.</summary>
    public bool TryReserve()
    {
        if (stopping)
        {
            return false;
        }

        if (Interlocked.Increment(ref count) <= MaxConnections)
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
