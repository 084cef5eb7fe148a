using System.Net.WebSockets;

namespace GoldMiner.Server.Logging;

/// <summary>Every log line the server writes, compiled once (no formatting cost when the level is off).</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} opened from {Remote}")]
    public static partial void ConnectionOpened(ILogger logger, string connectionId, string? remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} closed")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection refused: {Count} connections already open")]
    public static partial void ConnectionLimitReached(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} dropped: it stopped reading and its backlog is full")]
    public static partial void SlowConnectionDropped(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} dropped: a send failed unexpectedly")]
    public static partial void SendFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} closed with {Status}: {Reason}")]
    public static partial void ConnectionClosedForAbuse(ILogger logger, string connectionId, WebSocketCloseStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} failed by the WebSocket layer: {Reason}")]
    public static partial void ConnectionFailedByFramework(ILogger logger, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} request refused: {Code}")]
    public static partial void RequestRefused(ILogger logger, string connectionId, string code);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} created: {Rows}x{Cols}, {Gold} gold, {Rules}")]
    public static partial void RoomCreated(ILogger logger, string roomId, int rows, int cols, int gold, string rules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room refused: {Count} rooms already open")]
    public static partial void RoomLimitReached(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired rooms")]
    public static partial void RoomsRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: closing {Count} connections with 1001")]
    public static partial void ClosingAllConnections(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal write of {Count} records failed; retrying")]
    public static partial void JournalWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Journal gave up on {Count} records at shutdown: the store kept refusing them")]
    public static partial void JournalGaveUp(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal already closed; a record for room {RoomId} was not written")]
    public static partial void JournalClosed(ILogger logger, string? roomId);

    [LoggerMessage(Level = LogLevel.Error, Message = "An action after a durable write failed (room {RoomId})")]
    public static partial void DurableActionFailed(ILogger logger, string? roomId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the journal log's records into SQLite failed; retrying (the log keeps them meanwhile)")]
    public static partial void GameWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} records from the journal log '{Directory}'")]
    public static partial void LogReplayed(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} unfinished rooms from the journal")]
    public static partial void RoomsRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgraded the game database '{File}' from schema {From} to {To}")]
    public static partial void SchemaUpgraded(ILogger logger, string file, int from, int to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GoldMiner:Limits:MaxConnections is {Configured} but this process may open only {Files} files; taking at most {Effective} connections (raise `ulimit -n` for more)")]
    public static partial void ConnectionCapLowered(ILogger logger, int configured, int effective, long files);
}
